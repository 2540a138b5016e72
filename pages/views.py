from django.db.models import Case, When
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.views.generic import DetailView

from core.translated import LANGUAGE_CODES, in_any_language

from .models import Page


class PageView(DetailView):
    """A simple page at /<language>/<slug>/ or /<language>/<parent slug>/<slug>/.

    A slug of another language, or of a page that leads to a part of the site, redirects to the
    page's canonical address.
    """

    template_name = "pages/page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        *parents, slug = self.kwargs["path"].split("/")
        if len(parents) > 1:
            raise Http404(translation.gettext("There is no page at this address."))
        pages = Page.objects.public().filter(in_any_language("slug", slug))
        if parents:
            pages = pages.filter(
                parent__in=Page.objects.filter(in_any_language("slug", parents[0]), parent=None),
            )
        else:
            pages = pages.filter(parent=None)
        language = translation.get_language()
        current_first = Case(When(**{f"slug_{language}": slug}, then=0), default=1)
        page = pages.select_related("parent").order_by(current_first, "pk").first()
        if page is None:
            raise Http404(translation.gettext("There is no page at this address."))
        return page

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if canonical != request.path:
            return redirect(canonical, permanent=not self.object.section)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["content"] = page.in_language(translation.get_language())
        context["language_urls"] = {code: page.get_absolute_url(code) for code in LANGUAGE_CODES}
        context["subpages"] = page.children.published().order_by("order", "pk")
        return context
