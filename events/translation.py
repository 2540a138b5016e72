from modeltranslation.translator import TranslationOptions, register

from .models import Document, Event, Series, Session, Speaker


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = Series.version_fields


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = Event.version_fields


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = Session.version_fields


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("affiliation",)


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = Document.version_fields
