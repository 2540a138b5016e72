"""Factories for test data. Releases are complete in French unless a test asks otherwise."""

import datetime

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

    title_es = factory.Maybe(
        "spanish", factory.Sequence(lambda n: f"Comunicado número {n}"), None
    )
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
        model = "iom_cms.Page"

    title_fr = factory.Sequence(lambda n: f"Page {n}")
    slug_fr = factory.Sequence(lambda n: f"page-{n}")
    body_fr = "<p>Le texte de la page.</p>"
    title_en = factory.Sequence(lambda n: f"Page {n} in English")
    slug_en = factory.Sequence(lambda n: f"page-{n}-en")
    body_en = "<p>The text of the page.</p>"
    is_published = True
    order = factory.Sequence(lambda n: n)
