from django.views.generic import TemplateView

from pressroom.models import PressRelease


class HomeView(TemplateView):
    template_name = "iom_cms/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_releases"] = (
            PressRelease.objects.published().prefetch_related("topics")[:6]
        )
        return context
