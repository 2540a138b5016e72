"""The organisation: its units (a tree), their posts, the people who hold them, and its profile.

The tree is an adjacency list: `Unit.parent` is the only truth about the hierarchy, and the order
of siblings is `Unit.position`. Pages read the whole tree in one query and nest it in Python
(tree.py). Moving a unit or changing its place goes through services.py, which renumbers siblings
and checks for cycles under a lock; the database refuses a unit that is its own parent everywhere,
and on PostgreSQL any deeper cycle too (migration 0002).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from pilkit.processors import ResizeToFill

from core.images import SafeImageField
from core.renditions import webp_rendition
from core.richtext import RichTextField
from core.translated import LANGUAGE_CODES, filled
from core.uploads import RandomName

from . import tree


def filled_in_every_language(field_name):
    return models.Q(*[filled(f"{field_name}_{code}") for code in LANGUAGE_CODES])


class UnitKind(models.TextChoices):
    OFFICE = "office", _("Office")
    DEPARTMENT = "department", _("Department")
    DIVISION = "division", _("Division")
    UNIT = "unit", _("Unit")
    INDEPENDENT_OFFICE = "independent_office", _("Independent office")
    FIELD_OFFICES = "field_offices", _("Field offices")


class UnitQuerySet(models.QuerySet):
    def tree(self):
        """These units nested, in one query: the roots, each with `subunits` (a list) and `depth`.

        A unit whose parent is not in the queryset counts as a root.
        """
        return tree.nest(self.order_by("position", "pk"))

    def without_mandates(self):
        """The columns a list or a tree needs: the long mandate texts stay in the database."""
        return self.defer(*[f"mandate_{code}" for code in LANGUAGE_CODES], "mandate")

    def places(self):
        """Every unit's primary key mapped to (place in tree order, depth), in one query."""
        roots = Unit.objects.only("pk", "parent", "position").tree()
        return {unit.pk: (place, unit.depth) for place, unit in enumerate(tree.walk(roots))}

    def in_tree_order(self):
        """These units in tree order (a unit, then its sub-units), each annotated with `depth`.

        Runs one query at once, for the shape of the whole tree.
        """
        places = self.places()
        return (
            self.annotate(
                depth=tree.lookup_expression({pk: depth for pk, (_p, depth) in places.items()}),
            )
            .alias(
                tree_place=tree.lookup_expression(
                    {pk: place for pk, (place, _d) in places.items()}
                ),
            )
            .order_by("tree_place")
        )


class Unit(models.Model):
    Kind = UnitKind

    # Translated (see translation.py).
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"),
        max_length=80,
        blank=True,
        help_text=_("Used where space is short, e.g. “Legal Affairs”. Empty: the name is used."),
    )
    mandate = RichTextField(
        _("mandate"),
        blank=True,
        help_text=_("What the unit does. Scripts, event attributes and unsafe links are removed."),
    )

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DIVISION)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_(
            "Empty for the top of the organisation. A unit cannot report to itself or "
            "to one of its own sub-units."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        help_text=_(
            "Its place among the units with the same parent; 1 comes first. The arrows "
            "in the list of units change it."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the address, the same in every language."),
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")),
                name="unit_not_its_own_parent",
                violation_error_message=_("A unit cannot report to itself."),
            ),
            models.UniqueConstraint(
                fields=["parent", "position"],
                name="unit_position_unique_among_siblings",
            ),
            # NULL parents are distinct in a unique index: the top-level units need their own.
            models.UniqueConstraint(
                fields=["position"],
                condition=models.Q(parent__isnull=True),
                name="unit_position_unique_at_the_top",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=UnitKind.values), name="unit_kind_valid"
            ),
            models.CheckConstraint(
                condition=filled_in_every_language("name"), name="unit_named_in_every_language"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation:unit", kwargs={"slug": self.slug})

    def clean(self):
        """The friendly message for a cycle; the service checks again under a lock."""
        if self.pk and self.parent_id:
            parents = dict(Unit.objects.values_list("pk", "parent_id"))
            tree.check_no_cycle(self.pk, self.parent_id, parents)

    @property
    def label(self):
        return self.short_name or self.name


class TitleForm(models.TextChoices):
    """Which form of a post's title goes with a person's name (French and Spanish have three)."""

    FEMININE = "feminine", _("Feminine (e.g. Directrice générale, Directora General)")
    MASCULINE = "masculine", _("Masculine (e.g. Directeur général, Director General)")
    NEUTRAL = "neutral", _("Neutral (the post's own title)")


class Person(models.Model):
    TitleForm = TitleForm

    name = models.CharField(_("name"), max_length=200)
    title_form = models.CharField(
        _("form of titles"),
        max_length=10,
        choices=TitleForm.choices,
        default=TitleForm.NEUTRAL,
        help_text=_(
            "The form of the titles of the posts this person holds or held, wherever they are "
            "shown with the name. Neutral shows each post's own title."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the address, the same in every language."),
    )
    photo = SafeImageField(
        _("photo"),
        upload_to=RandomName("people"),
        original_name_field="photo_original_name",
        db_index=True,  # core.media finds the person of a requested file by it
        blank=True,
    )
    photo_original_name = models.CharField(
        _("photo's original file name"), max_length=150, blank=True, editable=False
    )
    # Portraits are shown at most 8rem wide, round: one square copy, sharp on dense screens.
    photo_square = webp_rendition("photo", ResizeToFill(320, 320))
    # Translated (see translation.py).
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. Required with a photo, "
            "at least in French."
        ),
    )
    biography = RichTextField(
        _("biography"),
        blank=True,
        help_text=_("Scripts, event attributes and unsafe links are removed when saved."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="") | filled(f"photo_alt_{settings.LANGUAGE_CODE}"),
                name="person_photo_described",
                violation_error_message=_("Describe the photo for people who cannot see it."),
            ),
            models.CheckConstraint(
                condition=models.Q(title_form__in=TitleForm.values), name="person_title_form_valid"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation:person", kwargs={"slug": self.slug})

    @property
    def initials(self):
        """Shown in place of a missing photo."""
        return "".join(word[0] for word in self.name.split()[:2]).upper()


class PositionQuerySet(models.QuerySet):
    def leadership(self):
        return self.filter(in_leadership_team=True)

    def in_tree_order(self):
        """Ordered by the place of their unit in the tree, then among its posts.

        Runs one query at once, for the shape of the whole tree.
        """
        places = Unit.objects.places()
        return self.alias(
            unit_place=tree.lookup_expression(
                {pk: place for pk, (place, _d) in places.items()}, field="unit_id"
            ),
        ).order_by("unit_place", "order")

    def with_holders(self, on=None):
        """Each post with `holders`: the appointment in force on `on` (default today), or none."""
        appointments = Appointment.objects.held_on(on or timezone.localdate())
        return self.prefetch_related(
            models.Prefetch(
                "appointments", queryset=appointments.select_related("person"), to_attr="holders"
            )
        )


class Position(models.Model):
    """A post in a unit, e.g. Director General. Who holds it, and when, is an Appointment."""

    # Translated, the three of them (see translation.py).
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_(
            "The post's own title, in a form that fits anyone (e.g. “Directeur général ou "
            "directrice générale”): shown while the post is vacant and for holders whose form "
            "of titles is neutral."
        ),
    )
    title_feminine = models.CharField(
        _("feminine title"),
        max_length=200,
        blank=True,
        help_text=_(
            "e.g. “Directrice générale”, “Directora General”; for holders whose form of titles "
            "is feminine. Empty: the title above (English rarely needs one)."
        ),
    )
    title_masculine = models.CharField(
        _("masculine title"),
        max_length=200,
        blank=True,
        help_text=_(
            "e.g. “Directeur général”, “Director General”; for holders whose form of titles is "
            "masculine. Empty: the title above."
        ),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions"
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        help_text=_(
            "Its place among the posts of its unit; 1 comes first. The arrows in the "
            "list of positions change it."
        ),
    )
    in_leadership_team = models.BooleanField(
        _("in the leadership team"),
        default=False,
        help_text=_("Shown with its current holder in the leadership team on “Who we are”."),
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["unit_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "order"], name="position_order_unique_in_unit"),
            models.CheckConstraint(
                condition=filled_in_every_language("title"),
                name="position_titled_in_every_language",
            ),
        ]

    def __str__(self):
        return self.title

    def holder_on(self, date):
        """The appointment in force on `date`, or None. There is at most one (see Appointment)."""
        return self.appointments.held_on(date).select_related("person").first()

    def title_for(self, person, language=None):
        """The title in the form `person` uses, in `language` (default: the active one).

        Read column by column: modeltranslation would fill an empty English feminine title
        with the French one.
        """
        language = language or translation.get_language()
        if person is not None and person.title_form != TitleForm.NEUTRAL:
            gendered = getattr(self, f"title_{person.title_form}_{language}", "")
            if gendered:
                return gendered
        return getattr(self, f"title_{language}", "") or self.title


class AppointmentQuerySet(models.QuerySet):
    def held_on(self, date):
        """Appointments in force on `date`: started, and not ended before it (end day included)."""
        return self.filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=date), start_date__lte=date
        )

    def current(self, at=None):
        return self.held_on(at or timezone.localdate())

    def past(self, at=None):
        return self.filter(end_date__lt=at or timezone.localdate())

    def upcoming(self, at=None):
        return self.filter(start_date__gt=at or timezone.localdate())


class Appointment(models.Model):
    """A person in a post from a start date to an optional end date, both days included.

    A post has one holder on any given day, ad interim or not, so "who was Director General on
    1 May 2023?" has one answer. PostgreSQL enforces it (an exclusion constraint, migration 0002);
    the admin's appointment formset says so to the editor.
    """

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="appointments"
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("The last day in post. Leave empty while the person holds it."),
    )
    interim = models.BooleanField(
        _("ad interim"),
        default=False,
        help_text=_("Holds the post until it is filled."),
    )

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["position", "start_date"], name="appointment_by_post")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="appointment_ends_after_it_starts",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.title}"

    @property
    def title(self):
        """The post's title in the holder's form, in the active language."""
        return self.position.title_for(self.person)


class Profile(models.Model):
    """The organisation at a glance, on “Who we are”. There is one row, and only one."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    mission_statement = models.TextField(  # translated
        _("mission statement"),
        help_text=_("Plain text. Figures written in it are not updated from the fields below."),
    )
    founded_in = models.PositiveSmallIntegerField(_("year founded"))
    member_states = models.PositiveSmallIntegerField(_("member states"))
    countries_present = models.PositiveSmallIntegerField(_("countries where IOM is present"))
    figures_checked_on = models.DateField(
        _("figures checked on"),
        help_text=_("When the figures above were last checked; shown beside them."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profile")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="profile_single_row"),
            models.CheckConstraint(
                condition=filled_in_every_language("mission_statement"),
                name="profile_mission_in_every_language",
            ),
        ]

    def __str__(self):
        return str(_("Profile of the organisation"))

    def get_absolute_url(self):
        return reverse("organisation:who-we-are")
