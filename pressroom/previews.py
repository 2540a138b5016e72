"""Pages of releases that are not public: the staff preview and preview links (and what the
public page of a release shows besides it, which they share with it).

Neither may be indexed, kept by a cache on the way, or passed on in a Referer header.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from core.translated import LANGUAGE_CODES

from . import pieces
from .models import PreviewLink


def keep_private(response):
    """Mark a response as for its reader only: not indexed, not cached, no Referer sent on."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    return response


def release_page_context(release, language):
    """What the release's page shows besides the release: the public page and preview links."""
    content = release.in_language(language)
    return {
        "content": content,
        "corrections": release.corrections.all().notes(content.language),
        "contacts": release.contacts.all(),
        "release_topics": pieces.topics_of(release),
    }


@require_safe
def preview_link(request, token):
    """The release of a preview link, in the link's language, while the link is valid.

    An altered or unknown token is a 404; an expired or revoked link a 410 that says so.
    """
    link = PreviewLink.objects.for_token(token)
    if link is None:
        raise Http404(translation.gettext("This preview link does not exist."))
    if not link.is_valid():
        response = render(request, "pressroom/preview_gone.html", {"link": link}, status=410)
        return keep_private(response)
    url = link.get_absolute_url()
    if request.path != url:
        return keep_private(redirect(url))
    context = {
        **release_page_context(link.release, link.language),
        "release": link.release,
        "is_preview": True,
        "preview_link": link,
        # The language menu stays on this page: the release's public addresses answer 404.
        "language_urls": dict.fromkeys(LANGUAGE_CODES, url),
    }
    return keep_private(render(request, "pressroom/pressrelease_detail.html", context))
