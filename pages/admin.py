from django.contrib import admin
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.public_pages import LISTS
from core.translated import LANGUAGE_CODES

from .models import Feature, FeatureCard, Page
from .models.feature import TARGETS


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ("menu_entry", "order", "in_menu", "is_published", "language_codes")
    list_editable = ("order", "in_menu", "is_published")
    list_filter = ("is_published", "in_menu", "parent")
    search_fields = [f"{name}_{code}" for name in ("title", "body") for code in LANGUAGE_CODES]
    prepopulated_fields = {f"slug_{code}": (f"title_{code}",) for code in LANGUAGE_CODES}
    fields = (
        "title",
        "slug",
        "body",
        "parent",
        "order",
        "in_menu",
        "section",
        "is_published",
        "original_language",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")

    def get_ordering(self, request):
        # Each top-level page followed by its sub-pages, as in the menu.
        return (
            Coalesce("parent__order", "order"),
            Coalesce("parent_id", "id"),
            F("parent_id").asc(nulls_first=True),
            "order",
            "pk",
        )

    @admin.display(description=_("page"))
    def menu_entry(self, page):
        return f"— {page}" if page.parent_id else str(page)

    @admin.display(description=_("languages"))
    def language_codes(self, page):
        return " ".join(code.upper() for code in page.languages)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = Page.objects.filter(parent=None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Feature)
class FeatureAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "kind", "order", "is_public")
    list_editable = ("order",)
    autocomplete_fields = ("release", "event", "page")
    fields = ("release", "event", "page", "heading", "blurb", "order")
    shown_on_public_pages = (LISTS,)  # the home page's cards

    def get_queryset(self, request):
        shown = Feature.objects.public().filter(pk=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .select_related("release", "event", "page__parent")
            .annotate(shown_now=Exists(shown))
        )

    @admin.display(description=_("type"))
    def kind(self, feature):
        return FeatureCard.KINDS[next(name for name in TARGETS if getattr(feature, name))]

    @admin.display(description=_("shown now"), boolean=True)
    def is_public(self, feature):
        return feature.shown_now
