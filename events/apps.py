from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import media
        from core.privacy import may_preview

        from .models import Document, Event

        # A document is public when its event is; staff who may edit events preview it.
        media.register(
            Document,
            "file",
            original_name_field="file_original_name",
            public=lambda documents: documents.filter(event__in=Event.objects.published()),
            previewable=lambda request, documents: (
                documents if may_preview(request.user, "events.change_event") else documents.none()
            ),
        )
