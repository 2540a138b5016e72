from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press room")

    def ready(self):
        from django.db.backends.signals import connection_created

        from core import media, public_cache, redaction
        from core.public_pages import public_pages_changed

        from . import previews, release_pages
        from .finder import plain_search
        from .models import PressRelease
        from .schedule import next_publication

        public_cache.register_next_change(next_publication)
        public_pages_changed.connect(release_pages.drop_on_notice, dispatch_uid="release-pages")
        redaction.register(prefixes=[previews.ADDRESS_WORD], shapes=[previews.TOKEN])
        # The image and its renditions: shown when the release is (core/media.py).
        media.register(
            PressRelease,
            "image",
            original_name_field="image_original_name",
            public=lambda releases: releases.published(),
            previewable=previews.previewable_images,
        )
        # The finder's word search on SQLite (`make run`) is done by functions of ours.
        connection_created.connect(plain_search.connect, dispatch_uid="pressroom-plain-search")
