from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started
        from django_cleanup.signals import cleanup_post_delete

        from . import edge, media, public_cache
        from .public_pages import public_pages_changed

        public_pages_changed.connect(public_cache.clear_on_notice, dispatch_uid="page-cache")
        public_pages_changed.connect(edge.purge_on_notice, dispatch_uid="edge-purge")
        request_started.connect(public_cache.request_started, dispatch_uid="page-generation")
        request_finished.connect(public_cache.request_finished, dispatch_uid="page-generation")
        cleanup_post_delete.connect(media.renditions_follow, dispatch_uid="core-renditions-follow")
