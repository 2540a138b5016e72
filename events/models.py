import functools
import zoneinfo
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from iom_cms.richtext import RichTextField
from iom_cms.translated import (
    LANGUAGE_CODES,
    TranslatedContent,
    filled,
    original_version_present,
)

GENEVA = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def filled_in_any_language(field_name):
    return models.Q.create(
        [filled(f"{field_name}_{code}") for code in LANGUAGE_CODES], connector=models.Q.OR
    )


@functools.cache
def time_zone_names():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as America/New_York."),
            code="invalid_time_zone", params={"value": value},
        )


class Series(TranslatedContent, models.Model):
    """A recurring event, such as the International Dialogue on Migration, and its About text."""

    presence_field = "name"
    version_fields = ("name", "acronym", "description", "about_heading", "about")
    # Series are few and institutional: written in French first, like the site.
    original_language = settings.LANGUAGE_CODE

    name = models.CharField(_("name"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True, help_text=_("e.g. IDM"))
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True,
        help_text=_("The last part of the address, the same in every language."),
    )
    description = models.TextField(
        _("description"), max_length=600, blank=True,
        help_text=_("One or two sentences, shown at the top of the series page."),
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    about_heading = models.CharField(
        _("heading of the About text"), max_length=200, blank=True,
        help_text=_("e.g. “About the International Dialogue on Migration”."),
    )
    about = RichTextField(
        _("About text"), blank=True,
        help_text=_(
            "Shown on the series page and under every press release about one of its events."
        ),
    )

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=filled_in_any_language("name"), name="series_has_a_name",
                violation_error_message=_("Give the series a name in at least one language."),
            ),
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).name

    def get_absolute_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("events:series", kwargs={"slug": self.slug})


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventQuerySet(models.QuerySet):
    def published(self):
        """The one rule for what the public sees. Events have no embargo: published is public."""
        return self.filter(status=EventStatus.PUBLISHED)

    def upcoming(self, at=None):
        """Not over yet at `at` (so under way counts), soonest first.

        An event with an approximate period stays upcoming until the period's last day is over
        in Geneva, and sorts at that day: after the events whose dates are known.
        """
        at = at or timezone.now()
        today = at.astimezone(GENEVA).date()
        not_over = models.Q(end__gte=at) | models.Q(start__isnull=True, period_end__gte=today)
        return self.with_sort_date().filter(not_over).order_by("sort_date", "start", "pk")

    def past(self, at=None):
        """Over at `at`, the most recent first."""
        at = at or timezone.now()
        today = at.astimezone(GENEVA).date()
        over = models.Q(end__lt=at) | models.Q(start__isnull=True, period_end__lt=today)
        return self.with_sort_date().filter(over).order_by("-sort_date", "-start", "-pk")

    def in_year(self, year):
        return self.with_sort_date().filter(sort_date__year=year)

    def with_sort_date(self):
        """`sort_date`: the first day in Geneva, or the last day of an approximate period."""
        if "sort_date" in self.query.annotations:
            return self
        return self.annotate(
            sort_date=Coalesce(
                TruncDate("start", tzinfo=GENEVA), "period_end", output_field=models.DateField()
            )
        )


class Event(TranslatedContent, models.Model):
    """An edition of a series or a stand-alone event, with exact dates or an approximate period."""

    Status = EventStatus
    Format = EventFormat
    version_fields = ("title", "summary", "body", "venue", "city", "country", "period_label")

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="events",
    )
    # Translated (see translation.py). A language version is at least its title and summary:
    # clean() requires both together, and the database a title in the original language.
    title = models.CharField(_("title"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), max_length=600, blank=True,
        help_text=_("One or two sentences, as they appear in lists."),
    )
    body = RichTextField(
        _("body"), blank=True,
        help_text=_("Scripts, event attributes and unsafe links are removed when saved."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    period_label = models.CharField(
        _("approximate period"), max_length=100, blank=True,
        help_text=_("Until the dates are announced, e.g. “second half of 2024”."),
    )

    slug = models.SlugField(
        _("slug"), max_length=100, unique=True,
        help_text=_("The last part of the address, the same in every language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    start = models.DateTimeField(
        _("start"), null=True, blank=True,
        help_text=_("In the event's time zone. Leave empty while the dates are not announced."),
    )
    end = models.DateTimeField(_("end"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the event takes place: its times are shown in this zone."),
    )
    period_start = models.DateField(
        _("period from"), null=True, blank=True,
        help_text=_("First and last possible day of an approximate period, e.g. 1 July and "
                    "31 December 2024."),
    )
    period_end = models.DateField(_("period to"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    original_language = models.CharField(
        _("original language"), max_length=5, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Readers who ask for a language the event is not described in see this one."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    webcast_url = models.URLField(_("webcast link"), blank=True)
    recording_url = models.URLField(_("recording link"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start", "-period_end", "-pk"]
        indexes = [
            models.Index(fields=["status", "end"], name="event_public_by_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=EventStatus.values), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(format__in=EventFormat.values), name="event_format_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(original_language__in=LANGUAGE_CODES),
                name="event_original_language_valid",
            ),
            models.CheckConstraint(
                condition=original_version_present("title"),
                name="event_has_original_language_version",
                violation_error_message=_("The event needs a title in its original language."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(start__isnull=True, end__isnull=True)
                    | models.Q(start__isnull=False, end__isnull=False)
                ),
                name="event_start_and_end_together",
                violation_error_message=_("Give both the start and the end, or neither."),
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True) | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(period_start__isnull=True, period_end__isnull=True)
                    | models.Q(period_start__isnull=False, period_end__isnull=False,
                               period_end__gte=models.F("period_start"))
                ),
                name="event_period_complete_and_in_order",
                violation_error_message=_(
                    "An approximate period needs its first and last day, in that order."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True) | models.Q(period_start__isnull=True),
                name="event_exact_or_approximate",
                violation_error_message=_(
                    "Give either exact dates or an approximate period, not both."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=EventStatus.DRAFT)
                    | models.Q(start__isnull=False)
                    | models.Q(period_start__isnull=False)
                ),
                name="event_published_with_dates",
                violation_error_message=_(
                    "A published event needs its dates or an approximate period."
                ),
            ),
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).title

    def get_absolute_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("events:detail", kwargs={"slug": self.slug})

    def get_calendar_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("events:calendar", kwargs={"slug": self.slug})

    def clean(self):
        """Each language version complete; the messages for what the constraints refuse."""
        errors = {}
        for code in LANGUAGE_CODES:
            title, summary = getattr(self, f"title_{code}"), getattr(self, f"summary_{code}")
            if title and not summary:
                errors[f"summary_{code}"] = _("Required when the event has a title in this "
                                              "language.")
            if summary and not title:
                errors[f"title_{code}"] = _("Required when the event has a summary in this "
                                            "language.")
            if title and self.period_start and not getattr(self, f"period_label_{code}"):
                errors[f"period_label_{code}"] = _("Say in words when the event takes place.")
        if not getattr(self, f"title_{self.original_language}", None):
            errors.setdefault(
                f"title_{self.original_language}",
                _("The event needs a title in its original language."),
            )
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if (self.start is None) != (self.end is None):
            errors["end" if self.start else "start"] = _(
                "Give both the start and the end, or neither."
            )
        if self.start and self.period_start:
            errors["period_start"] = _(
                "Give either exact dates or an approximate period, not both."
            )
        if errors:
            raise ValidationError(errors)

    def is_published(self):
        return self.status == self.Status.PUBLISHED

    is_published.boolean = True

    @property
    def is_approximate(self):
        return self.start is None

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_in_geneva_time(self):
        """Whether the event's clock is Geneva's, so that Geneva time need not be repeated."""
        return self.start is None or (
            self.start.astimezone(self.zone).utcoffset()
            == self.start.astimezone(GENEVA).utcoffset()
            and self.end.astimezone(self.zone).utcoffset()
            == self.end.astimezone(GENEVA).utcoffset()
        )

    def is_upcoming(self, at=None):
        at = at or timezone.now()
        if self.end is not None:
            return self.end >= at
        return self.period_end >= at.astimezone(GENEVA).date()

    def agenda(self):
        """The sessions by day, the day being the one in the event's time zone.

        Reads `sessions.all()`, so that a view's prefetch serves it without a query per day.
        """
        zone = self.zone
        sessions = sorted(self.sessions.all(), key=lambda session: (session.start, session.pk))
        return [
            (day, list(group))
            for day, group in groupby(sessions, key=lambda s: s.start.astimezone(zone).date())
        ]

    def speakers(self):
        """Everyone on the agenda once, in order of first appearance, moderators included."""
        seen = {}
        for _day, sessions in self.agenda():
            for session in sessions:
                for participation in session.participations.all():
                    seen.setdefault(participation.speaker_id, participation.speaker)
        return list(seen.values())


class Session(TranslatedContent, models.Model):
    """A part of an event's agenda. Its day is that of its start in the event's time zone."""

    version_fields = ("title", "description")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    description = RichTextField(_("description"), blank=True)
    start = models.DateTimeField(_("start"), help_text=_("In the event's time zone."))
    end = models.DateTimeField(_("end"))

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["event", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=filled_in_any_language("title"), name="session_has_a_title",
                violation_error_message=_("Give the session a title in at least one language."),
            ),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="session_ends_after_it_starts",
                violation_error_message=_("The session cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).title

    @property
    def original_language(self):
        # The event's prefetch sets `session.event`: no query.
        return self.event.original_language

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The session cannot end before it starts.")})


class Speaker(models.Model):
    """Someone on an agenda, as a speaker or a moderator, in any number of sessions.

    Either a member of IOM's staff, whose name, photo and page come from the organisation app,
    or an external speaker with a name of their own; never both (a database constraint).
    """

    person = models.OneToOneField(
        "organisation.Person", verbose_name=_("IOM staff member"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="speaker",
        help_text=_("For IOM staff: their name and page come from “Who we are”."),
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True,
        help_text=_("For external speakers only; leave empty for IOM staff."),
    )
    # Translated: the same person is "musicien" in French and "musician" in English.
    affiliation = models.CharField(
        _("affiliation"), max_length=300, blank=True,
        help_text=_("Title and organization, e.g. “Musician, IOM National Goodwill Ambassador”."),
    )

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, name="")
                    | (models.Q(person__isnull=True) & ~models.Q(name=""))
                ),
                name="speaker_staff_or_named",
                violation_error_message=_(
                    "Choose a member of IOM's staff or give an external speaker's name, not both."
                ),
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        """The staff member's page; external speakers have none."""
        return self.person.get_absolute_url() if self.person_id else None

    @property
    def display_name(self):
        return self.person.name if self.person_id else self.name


class ParticipationRole(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    SPEAKER = "speaker", _("Speaker")


class Participation(models.Model):
    """A speaker in a session, as a moderator or a speaker."""

    Role = ParticipationRole

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE,
        related_name="participations",
    )
    speaker = models.ForeignKey(
        Speaker, verbose_name=_("speaker"), on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=Role.choices, default=Role.SPEAKER
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Smaller numbers are listed first.")
    )

    class Meta:
        verbose_name = _("speaker in a session")
        verbose_name_plural = _("speakers in a session")
        # Moderators before speakers: "moderator" sorts first.
        ordering = ["session", "role", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker"], name="participation_once_per_session",
                violation_error_message=_("This speaker is already in this session."),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ParticipationRole.values),
                name="participation_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    FINAL_REPORT = "final_report", _("Final report")
    STATEMENT = "statement", _("Statement")


class Document(TranslatedContent, models.Model):
    """A file about an event, in one language."""

    Kind = DocumentKind
    version_fields = ("title",)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language of the document"), max_length=5, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    file = models.FileField(_("file"), upload_to="events/documents/%Y/")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["event", "kind", "language", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=filled_in_any_language("title"), name="document_has_a_title"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="document_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="document_language_valid"
            ),
        ]

    def __str__(self):
        return self.in_language(translation.get_language()).title

    @property
    def original_language(self):
        return self.language

