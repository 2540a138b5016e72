from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.views.generic import DetailView, ListView

from .forms import ReleaseFilterForm
from .models import LANGUAGE_CODES, PressRelease


class ReleaseListView(ListView):
    """The public list of releases, newest first, filtered by the form's cleaned values."""

    paginate_by = 20
    template_name = "pressroom/pressrelease_list.html"

    def get(self, request, *args, **kwargs):
        self.form = ReleaseFilterForm(request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            self.object_list = PressRelease.objects.none()
            context = self.get_context_data()
            return self.render_to_response(context, status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        releases = PressRelease.objects.published().prefetch_related("topics")
        return self.form.filter(releases)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["years"] = self.form.year_choices()
        context["topics"] = self.form.topic_choices()
        if context["is_paginated"]:
            page = context["page_obj"]
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


class ReleaseDetailView(DetailView):
    """A release at its address in the reader's language, or in its original language."""

    template_name = "pressroom/pressrelease_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Staff who may edit releases see drafts and embargoed ones, marked as a preview.
        if self.request.user.has_perm("pressroom.change_pressrelease"):
            return PressRelease.objects.all()
        return PressRelease.objects.published()

    def get_object(self, queryset=None):
        queryset = queryset if queryset is not None else self.get_queryset()
        slug = self.kwargs["slug"]
        language = translation.get_language()
        release = queryset.filter(**{f"slug_{language}": slug}).first()
        if release is None:
            any_language = Q()
            for code in LANGUAGE_CODES:
                any_language |= Q(**{f"slug_{code}": slug})
            release = queryset.filter(any_language).first()
        if release is None:
            raise Http404(translation.gettext("No press release at this address."))
        return release

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if canonical != request.path:
            return redirect(canonical, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        language = translation.get_language()
        context["content"] = release.in_language(language)
        context["is_preview"] = not release.is_published()
        context["language_urls"] = {
            code: release.get_absolute_url(code) for code in LANGUAGE_CODES
        }
        context["contacts"] = release.contacts.all()
        context["release_topics"] = release.topics.all()
        return context
