from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Email alerts")

    def ready(self):
        from core import redaction
        from pressroom.publication import release_publication_planned

        from . import links, services, urls

        release_publication_planned.connect(
            services.announcement_plan_on_notice, dispatch_uid="alerts-announcement"
        )
        redaction.register(prefixes=urls.TOKEN_ADDRESSES, shapes=[links.TOKEN])
