from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press room")

    def ready(self):
        from core import public_cache

        from .schedule import next_publication

        public_cache.register_next_change(next_publication)
