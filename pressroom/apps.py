from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press room")

    def ready(self):
        from core.public_pages import public_pages_changed

        from . import cache

        public_pages_changed.connect(cache.clear_on_notice, dispatch_uid="pressroom-page-cache")
