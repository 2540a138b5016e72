from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import site_pieces
        from .public_pages import public_pages_changed

        public_pages_changed.connect(site_pieces.renew, dispatch_uid="core-site-pieces")
