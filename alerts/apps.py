from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Email alerts")

    def ready(self):
        from pressroom.publication import release_publication_planned

        from . import services

        release_publication_planned.connect(
            services.announcement_plan_on_notice, dispatch_uid="alerts-announcement"
        )
