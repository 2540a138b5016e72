from django.core.paginator import InvalidPage
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.views.generic import DetailView, TemplateView

from core import public_cache
from core.privacy import keep_private, may_preview
from core.translated import LANGUAGE_CODES, in_any_language

from . import release_pages
from .finder import Finder, ReleaseFilterForm, presenting, summary
from .finder.permalink import clean_query
from .finder.topic_ids import TopicIds, topic_ids_kept
from .models import OldSlug, PressRelease, Topic

RELATED_RELEASES = 3
# What a related release shows: its date and its title and address in the reader's language.
RELATED_COLUMNS = [
    "published_at",
    "original_language",
    *[f"{name}_{code}" for name in ("title", "slug") for code in LANGUAGE_CODES],
]


class ReleaseListView(TemplateView):
    """The finder: public releases filtered by the query string, with counts and pages.

    Everything the page shows is prepared in pressroom/finder/presenting.py as plain values: the
    template only writes them out (see there why); the summaries are pressroom/summaries.py's."""

    template_name = "pressroom/pressrelease_list.html"

    def get(self, request, *args, **kwargs):
        form = ReleaseFilterForm(request.GET)
        clean = clean_query(form, request.GET)
        if clean is not None:  # the form submitted with empty fields
            return redirect(request.path + (f"?{clean}" if clean else ""))
        if not form.is_valid():
            # Everything the reader chose stays chosen, so that only the bad value needs fixing.
            ticked = set(form.data.getlist("topic"))
            context = {
                **self.form_context(form, presenting.source_options(form)),
                "topic_options": [
                    (t.slug, t.name, None, t.slug in ticked) for t in Topic.objects.all()
                ],
                "kind_choices": [(kind, name, None) for kind, name in form.fields["kind"].choices],
            }
            return self.render_to_response(context, status=400)
        finder = Finder(form)
        paginator = finder.paginator()
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404(translation.gettext("There is no such page of results.")) from error
        query = form.querystring()
        counts = {kind: count for kind, _label, count in finder.kinds}
        context = {
            **self.form_context(form, presenting.source_options(form, finder.at)),
            "finder": finder,
            "kind_choices": [
                (kind, label, counts.get(kind, 0) if kind else None)
                for kind, label in form.fields["kind"].choices
            ],
            "summary": summary(finder),
            "active_filters": form.active_filters(),
            "topic_options": presenting.topic_options(finder, form),
            "archive_links": presenting.archive_links(finder, form),
            "page_obj": page,
            "paginator": paginator,
            "object_list": page.object_list,
            "is_paginated": page.has_other_pages(),
            "page_range": paginator.get_elided_page_range(page.number),
            "query": query,
            "feed_url": reverse("pressroom:feed") + (f"?{query}" if query else ""),
            "api_url": reverse("pressroom:api") + (f"?{query}" if query else ""),
        }
        return self.render_to_response(context)

    def form_context(self, form, sources):
        raw_query = self.request.META.get("QUERY_STRING", "")
        return {
            "form": form,
            "chosen_kind": form["kind"].value() or "",
            "chosen_sort": form.chosen_sort if form.is_valid() else form["sort"].value(),
            "date_fields": [form["date_from"], form["date_to"]],
            # Office and event are chosen in a list when releases come from any; their errors are
            # shown with the hidden fields' otherwise.
            "hidden_fields": [form["year"], form["month"]]
            + [form[name] for name in ("office", "event") if not sources[name]],
            "source_fields": [
                (form[name], sources[name]) for name in ("office", "event") if sources[name]
            ],
            # The same list in each language, with the same query (the switcher would otherwise
            # resolve the address three times).
            "language_urls": {
                code: _list_url(code) + (f"?{raw_query}" if raw_query else "")
                for code in LANGUAGE_CODES
            },
        }


def _list_url(language):
    with translation.override(language):
        return reverse("pressroom:list")


class ReleaseDetailView(DetailView):
    """A release at its address in the reader's language, or in its original language."""

    template_name = "pressroom/pressrelease_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Staff who may edit releases see drafts and embargoed ones, marked as a preview.
        releases = PressRelease.objects.select_related("issuing_unit", "event__series")
        if topic_ids_kept():
            releases = releases.annotate(topic_ids=TopicIds())  # the topics with no query
        if may_preview(self.request.user, "pressroom.change_pressrelease"):
            return releases
        return releases.published()

    def get_object(self, queryset=None):
        queryset = queryset if queryset is not None else self.get_queryset()
        slug = self.kwargs["slug"]
        language = translation.get_language()
        # One query: the release with this slug in the reader's language first, else in another.
        here = ExpressionWrapper(Q(**{f"slug_{language}": slug}), output_field=BooleanField())
        release = (
            queryset.filter(in_any_language("slug", slug))
            .alias(here=here)
            # NULLS LAST: a release without a slug in this language is not "here" (PostgreSQL
            # would sort its NULL first).
            .order_by(F("here").desc(nulls_last=True), *PressRelease._meta.ordering)
            .first()
        )
        if release is None:
            release = self.with_old_slug(queryset, slug, language)
        if release is None:
            raise Http404(translation.gettext("No press release at this address."))
        return release

    @staticmethod
    def with_old_slug(queryset, slug, language):
        """The release that had this slug before it changed, the current language's first.

        Asked only after every current slug, so a release that uses the slug now wins; the
        queryset still applies, so an old address never leads to a release that is not public.
        """
        old = OldSlug.objects.filter(release=OuterRef("pk"), slug=slug)
        return (
            queryset.filter(Exists(old))
            .annotate(here=Exists(old.filter(language=language)))
            .order_by("-here", "-pk")
            .first()
        )

    def get(self, request, *args, **kwargs):
        language = translation.get_language()
        # Staff see drafts and embargoed releases from the ORM; the public, from the read model
        # when it holds this address (pressroom/release_pages.py), else from the ORM, once.
        public = not may_preview(request.user, "pressroom.change_pressrelease")
        if public:
            data = release_pages.read(language, kwargs["slug"])
            if data is not None:
                return self.render_page(release_pages.release_from(data), data, language)
            generation = release_pages.generation()  # before the ORM: see release_pages
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if canonical != request.path:
            return redirect(canonical, permanent=True)
        data = release_pages.build(self.object, language)
        if public:
            release_pages.store(self.object, language, data, generation)
        return self.render_page(self.object, data, language)

    def render_page(self, release, data, language):
        self.object = release
        context = self.get_context_data(
            object=release, **release_pages.context(release, data, language)
        )
        response = self.render_to_response(context)
        if not release.is_published():
            return keep_private(response)
        return public_cache.tag(response, *data["keys"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context["is_preview"] = not release.is_published()
        topic_ids = [topic["id"] for topic in kwargs["release_topics"]]
        context["related_releases"] = (
            PressRelease.objects.published()
            .related_to(release, topic_ids)
            .only(*RELATED_COLUMNS)[:RELATED_RELEASES]
            if topic_ids
            else []
        )
        context["language_urls"] = {code: release.get_absolute_url(code) for code in LANGUAGE_CODES}
        return context
