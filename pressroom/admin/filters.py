from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES

from ..models import TaggedRelease, Topic


class LanguageAvailableFilter(admin.SimpleListFilter):
    title = _("language available")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, code.upper()) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.available_in(self.value())
        return queryset


class TopicFilter(admin.SimpleListFilter):
    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(topic.slug, topic.name) for topic in Topic.objects.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            links = TaggedRelease.objects.filter(
                content_object=OuterRef("pk"), tag__slug=self.value()
            )
            return queryset.filter(Exists(links))
        return queryset
