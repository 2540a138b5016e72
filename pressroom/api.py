"""The finder's query as JSON: read-only, 20 releases a page, field names that do not change.

The same form and QuerySet as the page (see README, “The JSON API”). A bad filter is a 400 and a
page that does not exist a 404, each with the reason in the reader's language.
"""

import copy
import json
from pathlib import Path

from django.core.paginator import InvalidPage
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from core.translated import LANGUAGE_CODES

from .finder import Finder, ReleaseFilterForm, ReleaseUrls, attach_corrections
from .models import ReleaseKind

# The answers' JSON Schema, served beside the API (`schema`) and checked against real answers
# in the tests; the lists of languages and types come from the code when it is served.
SCHEMA = json.loads(Path(__file__).with_name("api_schema.json").read_text())


@require_safe
def release_list(request):
    form = ReleaseFilterForm(request.GET)
    if not form.is_valid():
        errors = {
            form.add_prefix(name): [str(message) for message in messages]
            for name, messages in form.errors.items()
        }
        return JsonResponse({"errors": errors}, status=400)
    finder = Finder(form)
    paginator = finder.paginator(with_topics=False)  # no facets here: the page's topics alone
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        message = translation.gettext("There is no such page of results.")
        return JsonResponse({"errors": {"page": [message]}}, status=404)

    def page_url(number):
        query = form.querystring()
        query = f"{query}&page={number}" if query else f"page={number}"
        return request.build_absolute_uri(f"{request.path}?{query}")

    urls = ReleaseUrls()
    origin = request.build_absolute_uri("/")[:-1]  # checked once, not for every address
    response = JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [
                release_data(release, origin, urls)
                for release in attach_corrections(page.object_list)
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Link"] = f'<{origin}{reverse("pressroom:api-schema")}>; rel="describedby"'
    return response


@require_safe
def schema(request):
    """The JSON Schema (2020-12) of the API's answers."""
    document = copy.deepcopy(SCHEMA)
    document = {"$schema": document.pop("$schema"), "$id": request.build_absolute_uri(), **document}
    document["$defs"]["language"]["enum"] = LANGUAGE_CODES
    document["$defs"]["release"]["properties"]["kind"]["enum"] = list(ReleaseKind.values)
    return JsonResponse(
        document,
        content_type="application/schema+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def release_data(release, origin, urls):
    content = release.content
    data = {
        "id": release.pk,
        "url": origin + release.url,
        "language": content.language,
        "kind": release.kind,
        "title": content.title,
        "lead": content.lead,
        "dateline": content.dateline,
        "published_at": release.published_at.isoformat(),
        "updated_at": release.updated_at.isoformat(),
        "original_language": release.original_language,
        "languages": release.languages,
        "translations": {code: origin + urls(release, code) for code in release.languages},
        "topics": [{"slug": topic.slug, "name": topic.name} for topic in release.topic_list],
        "corrections": [
            {
                "corrected_at": correction.corrected_at.isoformat(),
                "text": correction.text_in(content.language),
            }
            for correction in release.correction_list
        ],
    }
    if hasattr(release, "passage"):
        data["passage"] = str(release.passage_html)
    return data
