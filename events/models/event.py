import zoneinfo
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.richtext import RichTextField
from core.translated import LANGUAGE_CODES, TranslatedContent, original_version_present

from .common import GENEVA, validate_time_zone
from .series import Series


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

    def with_speaker(self, person):
        """Events where `person` (a member of staff) speaks or moderates, each once."""
        return self.filter(sessions__participations__speaker__person=person).distinct()

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
        Series,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    # Translated (see translation.py). A language version is at least its title and summary:
    # clean() requires both together, and the database a title in the original language.
    title = models.CharField(_("title"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences, as they appear in lists."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_("Scripts, event attributes and unsafe links are removed when saved."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    period_label = models.CharField(
        _("approximate period"),
        max_length=100,
        blank=True,
        help_text=_("Until the dates are announced, e.g. “second half of 2024”."),
    )

    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the address, the same in every language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    start = models.DateTimeField(
        _("start"),
        null=True,
        blank=True,
        help_text=_("In the event's time zone. Leave empty while the dates are not announced."),
    )
    end = models.DateTimeField(_("end"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the event takes place: its times are shown in this zone."),
    )
    period_start = models.DateField(
        _("period from"),
        null=True,
        blank=True,
        help_text=_(
            "First and last possible day of an approximate period, e.g. 1 July and "
            "31 December 2024."
        ),
    )
    period_end = models.DateField(_("period to"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
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
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(period_start__isnull=True, period_end__isnull=True)
                    | models.Q(
                        period_start__isnull=False,
                        period_end__isnull=False,
                        period_end__gte=models.F("period_start"),
                    )
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
                errors[f"summary_{code}"] = _(
                    "Required when the event has a title in this language."
                )
            if summary and not title:
                errors[f"title_{code}"] = _(
                    "Required when the event has a summary in this language."
                )
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
