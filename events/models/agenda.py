"""The agenda of an event: its sessions, and the speakers and moderators in each."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.richtext import RichTextField
from core.translated import TranslatedContent

from .common import filled_in_any_language
from .event import Event


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
                condition=filled_in_any_language("title"),
                name="session_has_a_title",
                violation_error_message=_("Give the session a title in at least one language."),
            ),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="session_ends_after_it_starts",
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
        "organisation.Person",
        verbose_name=_("IOM staff member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="speaker",
        help_text=_("For IOM staff: their name and page come from “Who we are”."),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("For external speakers only; leave empty for IOM staff."),
    )
    # Translated: the same person is "musicien" in French and "musician" in English.
    affiliation = models.CharField(
        _("affiliation"),
        max_length=300,
        blank=True,
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
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    speaker = models.ForeignKey(
        Speaker,
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.SPEAKER)
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
                fields=["session", "speaker"],
                name="participation_once_per_session",
                violation_error_message=_("This speaker is already in this session."),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ParticipationRole.values),
                name="participation_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"
