from django.http import HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView

from events.models import Event
from organisation import pieces as organisation_pieces
from pages.pieces import feature_cards
from pressroom.models import PressRelease

FEATURED_ON_HOME = 4


def robots_txt(request):
    """Everything may be indexed; the sitemap lists every public page.

    The admin is not named here (its address is kept out of sight: ADMIN_URL); its pages tell
    robots not to index them.
    """
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class HomeView(TemplateView):
    """What editors feature, the latest public releases, the next events and the organisation's
    key figures."""

    template_name = "iom_cms/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["features"] = feature_cards(FEATURED_ON_HOME)
        context["latest_releases"] = PressRelease.objects.published().listed(limit=6)
        context["upcoming_events"] = (
            Event.objects.published().upcoming().select_related("series")[:3]
        )
        context["profile"] = organisation_pieces.profile()
        return context
