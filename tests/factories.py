"""Factories for test data. Releases are complete in French unless a test asks otherwise."""

import datetime
import importlib
import pkgutil

import factory
from django.utils import timezone

from pressroom.models import MediaContact, PressRelease, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_es = factory.Sequence(lambda n: f"Tema {n}")


class MediaContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaContact

    name = "Rahma Soliman"
    role_fr = "Chargée de communication"
    role_en = "Communications officer"
    office_fr = "New York"
    office_en = "New York"
    email = factory.Sequence(lambda n: f"press{n}@iom.int")


class PressReleaseFactory(factory.django.DjangoModelFactory):
    """A published French release from yesterday. `english=True` / `spanish=True` add versions."""

    class Meta:
        model = PressRelease
        skip_postgeneration_save = True

    class Params:
        english = False
        spanish = False
        draft = factory.Trait(status=PressRelease.Status.DRAFT)

    title_fr = factory.Sequence(lambda n: f"Communiqué numéro {n}")
    slug_fr = factory.Sequence(lambda n: f"communique-{n}")
    lead_fr = "L'OIM annonce une nouvelle importante."
    dateline_fr = "Genève"
    body_fr = "<p>Le texte du communiqué.</p>"
    status = PressRelease.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    original_language = "fr"

    title_en = factory.Maybe(
        "english", factory.Sequence(lambda n: f"Press release number {n}"), None
    )
    slug_en = factory.Maybe("english", factory.Sequence(lambda n: f"press-release-{n}"), None)
    lead_en = factory.Maybe("english", "IOM announces important news.", None)
    dateline_en = factory.Maybe("english", "Geneva", None)
    body_en = factory.Maybe("english", "<p>The text of the release.</p>", None)

    title_es = factory.Maybe("spanish", factory.Sequence(lambda n: f"Comunicado número {n}"), None)
    slug_es = factory.Maybe("spanish", factory.Sequence(lambda n: f"comunicado-{n}"), None)
    lead_es = factory.Maybe("spanish", "La OIM anuncia una noticia importante.", None)
    dateline_es = factory.Maybe("spanish", "Ginebra", None)
    body_es = factory.Maybe("spanish", "<p>El texto del comunicado.</p>", None)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            self.contacts.set(extracted)


# --- site: simple pages -------------------------------------------------------------------------


class PageFactory(factory.django.DjangoModelFactory):
    """A published top-level page in French and English."""

    class Meta:
        model = "pages.Page"

    title_fr = factory.Sequence(lambda n: f"Page {n}")
    slug_fr = factory.Sequence(lambda n: f"page-{n}")
    body_fr = "<p>Le texte de la page.</p>"
    title_en = factory.Sequence(lambda n: f"Page {n} in English")
    slug_en = factory.Sequence(lambda n: f"page-{n}-en")
    body_en = "<p>The text of the page.</p>"
    is_published = True
    order = factory.Sequence(lambda n: n)


# --- events: series, events, sessions, speakers, documents --------------------------------------


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Series"

    slug = factory.Sequence(lambda n: f"series-{n}")
    name_fr = factory.Sequence(lambda n: f"Dialogue numéro {n}")
    name_en = factory.Sequence(lambda n: f"Dialogue number {n}")
    acronym_fr = "DN"
    acronym_en = "DN"
    about_heading_fr = factory.LazyAttribute(lambda series: f"À propos du {series.name_fr}")
    about_heading_en = factory.LazyAttribute(lambda series: f"About the {series.name_en}")
    about_fr = "<p>Le texte « À propos » de la série.</p>"
    about_en = "<p>The About text of the series.</p>"


class EventFactory(factory.django.DjangoModelFactory):
    """A published French event in Geneva ten days from now, from 10:00 to 17:00 UTC.

    `approximate=True` gives it a period (the second half of next year) instead of dates;
    `english=True` adds an English version; `draft=True` unpublishes it.
    """

    class Meta:
        model = "events.Event"

    class Params:
        english = False
        draft = factory.Trait(status="draft")
        approximate = factory.Trait(
            start=None,
            end=None,
            period_start=factory.LazyFunction(lambda: datetime.date(timezone.now().year + 1, 7, 1)),
            period_end=factory.LazyFunction(lambda: datetime.date(timezone.now().year + 1, 12, 31)),
            period_label_fr="deuxième semestre",
            period_label_en=factory.Maybe("english", "second half of the year", None),
        )

    slug = factory.Sequence(lambda n: f"event-{n}")
    title_fr = factory.Sequence(lambda n: f"Événement numéro {n}")
    summary_fr = "Une réunion importante de l'OIM."
    city_fr = "Genève"
    country_fr = "Suisse"
    status = "published"
    original_language = "fr"
    time_zone = "Europe/Zurich"
    start = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=10)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(
        lambda event: event.start + datetime.timedelta(hours=7) if event.start else None
    )

    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"Event number {n}"), None)
    summary_en = factory.Maybe("english", "An important IOM meeting.", None)
    city_en = factory.Maybe("english", "Geneva", None)
    country_en = factory.Maybe("english", "Switzerland", None)


class SessionFactory(factory.django.DjangoModelFactory):
    """A one-hour session at the start of its event."""

    class Meta:
        model = "events.Session"

    event = factory.SubFactory(EventFactory)
    title_fr = factory.Sequence(lambda n: f"Séance {n}")
    title_en = factory.Sequence(lambda n: f"Session {n}")
    start = factory.LazyAttribute(lambda session: session.event.start)
    end = factory.LazyAttribute(lambda session: session.start + datetime.timedelta(hours=1))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Speaker"

    name = factory.Sequence(lambda n: f"Intervenante {n}")
    affiliation_fr = "Chercheuse, Université de Genève"
    affiliation_en = "Researcher, University of Geneva"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Participation"

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    role = "speaker"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Document"

    event = factory.SubFactory(EventFactory)
    title_fr = "Ordre du jour"
    title_en = "Agenda"
    kind = "agenda"
    language = "fr"
    file = factory.django.FileField(filename="ordre-du-jour.pdf", data=b"%PDF-1.4\n")


# --- Organisation: units, positions, people, appointments, profile ------------------------------


class UnitFactory(factory.django.DjangoModelFactory):
    """A division at the top level unless given a `parent`. Positions never collide (a
    sequence); organisation.services numbers siblings 1, 2, 3… when a test goes through it."""

    class Meta:
        model = "organisation.Unit"

    name_fr = factory.Sequence(lambda n: f"Division {n}")
    name_en = factory.Sequence(lambda n: f"Division {n} (en)")
    name_es = factory.Sequence(lambda n: f"División {n}")
    slug = factory.Sequence(lambda n: f"unit-{n}")
    kind = "division"
    position = factory.Sequence(lambda n: n + 1)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisation.Person"

    name = factory.Sequence(lambda n: f"Personne {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisation.Position"

    title_fr = factory.Sequence(lambda n: f"Directrice {n}")
    title_en = factory.Sequence(lambda n: f"Director {n}")
    title_es = factory.Sequence(lambda n: f"Directora {n}")
    unit = factory.SubFactory(UnitFactory)
    order = factory.Sequence(lambda n: n + 1)


class AppointmentFactory(factory.django.DjangoModelFactory):
    """In post since 1 January 2020, with no end."""

    class Meta:
        model = "organisation.Appointment"

    person = factory.SubFactory(PersonFactory)
    position = factory.SubFactory(PositionFactory)
    start_date = datetime.date(2020, 1, 1)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisation.Profile"
        django_get_or_create = ("id",)

    id = 1
    mission_statement_fr = "L'OIM promeut une migration humaine et ordonnée."
    mission_statement_en = "IOM promotes humane and orderly migration."
    mission_statement_es = "La OIM promueve una migración humana y ordenada."
    founded_in = 1951
    member_states = 175
    countries_present = 171
    figures_checked_on = datetime.date(2024, 5, 23)


# Editorial workflow: staff in the Writers or Publishers group (pressroom migration 0006).
def editorial_group(name):
    """The group pressroom's editorial_roles_history migration makes: made again by the same
    function when a transactional test (the browser tests) has flushed the database since."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    import pressroom.migrations

    if not Group.objects.filter(name=name).exists():
        [module] = [
            info.name
            for info in pkgutil.iter_modules(pressroom.migrations.__path__)
            if info.name.endswith("_editorial_roles_history")
        ]
        importlib.import_module(f"pressroom.migrations.{module}").create_groups(apps, None)
    return Group.objects.get(name=name)


PASSWORD = "a-long-password"


class StaffUserFactory(factory.django.DjangoModelFactory):
    """Every user the tests need is made here: a member of staff whose password is PASSWORD.

    `role="Writers"` or `role="Publishers"` puts them in that editorial group, `permissions=…`
    gives them those permissions, `superuser=True` makes an administrator.
    """

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@iom.int")
    first_name = factory.Sequence(lambda n: f"Staff{n}")
    is_staff = True
    password = factory.django.Password(PASSWORD)

    class Params:
        superuser = factory.Trait(is_superuser=True)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(editorial_group(extracted))

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.user_permissions.set(extracted)


# --- Editorial workflow: preview links and corrections -------------------------------------------


class PreviewLinkFactory(factory.django.DjangoModelFactory):
    """A French link to a draft release, valid for a week."""

    class Meta:
        model = "pressroom.PreviewLink"

    release = factory.SubFactory(PressReleaseFactory, draft=True)
    language = "fr"
    note = "Jane Doe, Le Monde"


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pressroom.Correction"

    release = factory.SubFactory(PressReleaseFactory)
    text_fr = "Le nombre de participants était de 1 200, et non 12 000."
    text_en = "The number of participants was 1,200, not 12,000."


# --- site: featured items on the home page ------------------------------------------------------


class FeatureFactory(factory.django.DjangoModelFactory):
    """A featured public release; pass `release=None, event=…` (or `page=…`) for another kind."""

    class Meta:
        model = "pages.Feature"

    release = factory.SubFactory(PressReleaseFactory)
    order = factory.Sequence(lambda n: n)
