from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressroomConfig(AppConfig):
    name = "pressroom"
    verbose_name = _("Press room")

    def ready(self):
        from core import media
        from core.public_pages import public_pages_changed

        from . import cache, previews
        from .models import PressRelease

        public_pages_changed.connect(cache.clear_on_notice, dispatch_uid="pressroom-page-cache")
        # The image and its renditions: shown when the release is (core/media.py).
        media.register(
            PressRelease,
            "image",
            original_name_field="image_original_name",
            public=lambda releases: releases.published(),
            previewable=previews.previewable_images,
        )
