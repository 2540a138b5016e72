from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from core import media

        from .models import Person

        # Every person's page is public, so is their photo while a person has it (core/media.py).
        media.register(
            Person,
            "photo",
            original_name_field="photo_original_name",
            public=lambda people: people,
            previewable=lambda request, people: people.none(),
        )
