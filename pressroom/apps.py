from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press room")

    def ready(self):
        from django.db.backends.signals import connection_created

        from core import public_cache

        from .finder import plain_search
        from .schedule import next_publication

        public_cache.register_next_change(next_publication)
        # The finder's word search on SQLite (`make run`) is done by functions of ours.
        connection_created.connect(plain_search.connect, dispatch_uid="pressroom-plain-search")
