"""The summary of a release in lists, written once: jinja2/includes/release_summaries.html.

The finder, the home page, a unit's and a person's pages show it, and so will email alerts:

    summaries_html(releases, language="es", origin="https://www.iom.int", with_images=False)

`releases`: a QuerySet of releases (read here, in that language), or rows already read for a
list (`PressRelease.objects.….listed()`, the finder's page). Django templates write
`{% release_summaries releases %}` (templatetags/release_lists.py). The values are prepared here
once (dates, labels, addresses); the template only writes them out (core/jinja.py: why Jinja2).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.template import engines
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from . import images
from .finder.listing import page_rows
from .models import ReleaseKind


@dataclass(slots=True)
class Summary:
    url: str
    title: str
    lang: str
    dateline: str
    lead: str
    passage: str  # safe HTML, the words found in <mark> (finder/search.py)
    fallback: str  # “Available in English only.”, or empty
    iso: str
    date: str
    kind: str  # empty for a plain press release
    office_slug: str | None
    office_name: str | None
    topics: list  # each with its pk, slug and name (pieces.TopicLink, finder's FoundTopic)
    thumbnail: dict | None  # images.thumbnail()


def summaries(releases, origin="", with_images=True):
    """A Summary per release read for a list, in the current language."""
    kinds = {kind: str(label) for kind, label in ReleaseKind.choices}
    fallbacks = {}
    dates = {}  # DATE_FORMAT shows the day alone: written once per day (a page spans a few)
    rows = []
    for release in releases:
        content = release.content
        if content.is_fallback and content.language not in fallbacks:
            name = translation.get_language_info(content.language)["name_translated"]
            fallbacks[content.language] = gettext("Available in %(language)s only.") % {
                "language": name
            }
        published = timezone.localtime(release.published_at)
        day = published.date()
        if day not in dates:
            dates[day] = formats.date_format(day)
        rows.append(
            Summary(
                url=origin + release.url,
                title=content.title,
                lang=content.language,
                dateline=content.dateline,
                lead=content.lead,
                passage=release.passage_html,
                fallback=fallbacks[content.language] if content.is_fallback else "",
                iso=published.isoformat(),
                date=dates[day],
                kind=kinds[release.kind] if release.kind != ReleaseKind.PRESS_RELEASE else "",
                office_slug=release.office_slug,
                office_name=release.office_name or "",
                topics=release.topic_list,
                thumbnail=images.thumbnail(release) if with_images else None,
            )
        )
    return rows


def summary_rows(releases, *, language=None, origin="", with_images=True) -> list[Summary]:
    """The summaries of `releases` as values, in `language`: what a plain-text list (an email's
    text part) writes out, the same values the HTML shows."""
    with translation.override(language or translation.get_language()):
        if isinstance(releases, QuerySet):
            releases = page_rows(releases)
        return summaries(releases, origin, with_images)


def summaries_html(releases, *, language=None, origin="", with_images=True) -> SafeString:
    """The <article> summaries of `releases` in `language` (the current one by default).

    `origin` (e.g. "https://www.iom.int") makes the pages' addresses absolute, for an email;
    images keep MEDIA_URL's, and an email leaves them out (`with_images=False`)."""
    with translation.override(language or translation.get_language()):
        rows = summary_rows(releases, origin=origin, with_images=with_images)
        context = {"summaries": rows, "list_url": origin + reverse("pressroom:list")}
        html = _template("includes/release_summaries.html").render(context)
    return mark_safe(html)  # noqa: S308 - Jinja2 escapes every value (core/jinja.py)


def topic_list_html(topics, *, label="") -> SafeString:
    """<ul class="topic-list">: each topic a link to the finder's releases on it."""
    macros = _template("includes/topics.html").template.module
    return mark_safe(macros.topic_list(topics, reverse("pressroom:list"), label))  # noqa: S308


def topic_choices_html(options) -> SafeString:
    """The finder's topics to tick, <li> items: [(slug, name, count or None, checked)]."""
    return mark_safe(_template("includes/topics.html").template.module.topic_choices(options))  # noqa: S308


def _template(name):
    return engines["jinja2"].get_template(name)
