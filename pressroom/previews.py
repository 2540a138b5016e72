"""Pages of releases that are not public: the staff preview and preview links (and what the
public page of a release shows besides it, which they share with it).

Neither may be indexed, kept by a cache on the way, or passed on in a Referer header.
"""

import re

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.privacy import keep_private, may_preview
from core.translated import LANGUAGE_CODES

from . import release_pages
from .models import PreviewLink

# The word of a preview link's address and its token (PreviewLink.token: a uuid's hex, signed),
# in any form: both are taken out of every log line (core/redaction.py; apps.py registers them).
ADDRESS_WORD = _("preview/")
TOKEN = re.compile(r"[0-9a-f]{32}(?::|%3[Aa])[A-Za-z0-9_-]{6,}")


def release_page_context(release, language):
    """What the release's page shows besides the release, read from the ORM now: the same data
    as the public page's read model (pressroom/release_pages.py), never stored."""
    return release_pages.context(release, release_pages.build(release, language), language)


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
    response = render(request, "pressroom/pressrelease_detail.html", context)
    grant_images(request, response, link)
    return keep_private(response)


# The visitor of a preview link sees the release's image: the page leaves a signed cookie, sent
# only with requests for uploads, naming the links this browser opened. The link is read again
# (revoked? expired?) at every request for an image. No secret goes into an image's address,
# so none reaches a log.
GRANT_COOKIE = "preview_images"
GRANT_SALT = "pressroom.preview-images"
GRANTS_KEPT = 10


def granted_links(request):
    try:
        return signing.loads(request.COOKIES.get(GRANT_COOKIE, ""), salt=GRANT_SALT)
    except signing.BadSignature:
        return []


def grant_images(request, response, link):
    links = [link.pk, *[pk for pk in granted_links(request) if pk != link.pk]][:GRANTS_KEPT]
    response.set_cookie(
        GRANT_COOKIE,
        signing.dumps(links, salt=GRANT_SALT),
        max_age=max(0, int((link.expires_at - timezone.now()).total_seconds())),
        path="/" + settings.MEDIA_URL.strip("/") + "/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def previewable_images(request, releases):
    """The releases whose images `request` may see before they are public (core/media.py)."""
    if may_preview(request.user, "pressroom.change_pressrelease"):
        return releases
    valid = PreviewLink.objects.filter(
        pk__in=granted_links(request), revoked_at=None, expires_at__gt=timezone.now()
    )
    return releases.filter(preview_links__in=valid)
