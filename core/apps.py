from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django_cleanup.signals import cleanup_post_delete

        from . import media

        cleanup_post_delete.connect(media.renditions_follow, dispatch_uid="core-renditions-follow")
