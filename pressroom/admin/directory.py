"""The lists releases draw on: topics and media contacts."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from core.public_pages import LISTS
from core.translated import LANGUAGE_CODES

from ..models import MediaContact, Topic


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = [f"name_{code}" for code in LANGUAGE_CODES] + ["slug"]
    fields = ("name", "slug")
    readonly_fields = ()
    # A topic shows by name on lists and on the release pages that carry its key.
    shown_on_public_pages = (LISTS,)

    def get_readonly_fields(self, request, obj=None):
        # The slug is in every filtered address: it never changes once set.
        return ("slug",) if obj else ()

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name_fr",)}


@admin.register(MediaContact)
class MediaContactAdmin(TabbedTranslationAdmin):
    list_display = ("name", "role", "office", "email", "phone")
    search_fields = ["name", "email"] + [
        f"{name}_{code}" for name in ("role", "office") for code in LANGUAGE_CODES
    ]
