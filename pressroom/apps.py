from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press room")

    def ready(self):
        from django.db.backends.signals import connection_created

        from core.public_pages import public_pages_changed

        from . import cache
        from .finder import plain_search

        public_pages_changed.connect(cache.clear_on_notice, dispatch_uid="pressroom-page-cache")
        # The finder's word search on SQLite (`make run`) is done by functions of ours.
        connection_created.connect(plain_search.connect, dispatch_uid="pressroom-plain-search")
