import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.translated import LANGUAGE_CODES, filled
from pressroom import demo
from pressroom.models import MediaContact, PressRelease, Topic

pytestmark = pytest.mark.django_db

IDM_TITLE = (
    "L'OIM a accueilli à New York le Dialogue international sur la migration axé sur la "
    "facilitation des voies de migration régulières"
)
# Sentences of the seed page, as IOM published them (typography and typos included).
IDM_LEAD = (
    "L'Organisation internationale pour les migrations (OIM) a conclu hier son Dialogue "
    "international sur les migrations (IDM) pour 2024, centré sur les moyens de renforcer et de "
    "multiplier les possibilités de migration régulières et bénéfiques dans le cadre d’une "
    "approche globale de la mobilité humaine."
)
AMY_POPE_QUOTE = (
    "« Les migrations ont façonné notre passé et sont essentielle à notre avenir. Il est prouvé "
    "que lorsque la migration est bien gérée, elle peut être le moteur d'un véritable "
    "développement durable dans le monde entier », a déclaré Amy Pope, directrice générale de "
    "l'OIM."
)
FOUR_AREAS = (
    "Quatre pistes d'action ont été identifiées comme nécessaires pour faciliter les voies de "
    "migration régulières."
)
LAST_SENTENCE = (
    "du Sommet pour l'avenir et du deuxième IDM qui se tiendra à Genève avant la fin de l’année."
)


@pytest.fixture
def idm(demo_content):
    return PressRelease.objects.get(title_fr=IDM_TITLE)


@pytest.fixture
def others(idm):
    return PressRelease.objects.exclude(pk=idm.pk)


class TestIdmRelease:
    def test_the_french_text_is_the_seed_word_for_word(self, idm):
        assert idm.lead_fr == IDM_LEAD
        assert idm.body_fr.startswith("<p>Pendant deux jours, les États membres, les migrants,")
        assert AMY_POPE_QUOTE in idm.body_fr
        assert f"<p>{FOUR_AREAS} Première piste : une action multilatérale" in idm.body_fr
        assert idm.body_fr.endswith(f"{LAST_SENTENCE}</p>")
        assert idm.body_fr.count("<p>") == 7

    def test_the_dateline_is_not_repeated_in_the_lead(self, idm):
        assert idm.dateline_fr == "New York"
        assert not idm.lead_fr.startswith("New York")

    def test_the_page_menu_and_the_about_the_dialogue_text_are_left_out(self, idm):
        for code in LANGUAGE_CODES:
            content = idm.in_language(code)
            text = content.lead + content.body + content.note_to_editors
            assert "Qui sommes nous" not in text
            assert "propos du Dialogue" not in text
            assert "Fondé en 2001" not in text

    def test_it_exists_in_french_english_and_spanish(self, idm):
        assert idm.languages == ["fr", "en", "es"]
        assert idm.original_language == "fr"
        assert [idm.dateline_fr, idm.dateline_en, idm.dateline_es] == [
            "New York",
            "New York",
            "Nueva York",
        ]
        assert "said IOM Director General Amy Pope" in idm.body_en
        assert "Amy Pope, Directora General de la OIM" in idm.body_es

    def test_it_was_published_on_the_morning_of_23_may_2024_in_new_york(self, idm):
        local = idm.published_at.astimezone(ZoneInfo("America/New_York"))
        assert local.date() == datetime.date(2024, 5, 23)
        assert 8 <= local.hour < 12
        assert PressRelease.objects.published().filter(pk=idm.pk).exists()

    def test_the_note_to_editors_links_to_the_contacts_and_the_idm_website(self, idm):
        for code in LANGUAGE_CODES:
            note = getattr(idm, f"note_to_editors_{code}")
            assert 'href="mailto:rsoliman@iom.int"' in note
            assert 'href="https://www.iom.int/international-dialogue-migration"' in note
        assert "Le site web de l'IDM et le programme complet sont disponibles" in (
            idm.note_to_editors_fr
        )

    def test_it_has_its_topics_and_media_contacts(self, idm):
        slugs = set(idm.topics.values_list("slug", flat=True))
        assert {"regular-pathways", "international-dialogue-on-migration"} <= slugs
        emails = set(idm.contacts.values_list("email", flat=True))
        assert emails == {"rsoliman@iom.int", "media@iom.int"}
        rahma = MediaContact.objects.get(email="rsoliman@iom.int")
        assert (rahma.office_fr, rahma.office_en, rahma.office_es) == (
            "New York",
            "New York",
            "Nueva York",
        )


class TestGeneratedReleases:
    def test_about_sixty_other_releases_mix_the_languages(self, others):
        assert 55 <= others.count() <= 65
        assert others.filter(filled("title_fr")).exclude(filled("title_en")).count() >= 5
        assert others.exclude(filled("title_fr")).filter(original_language="en").exists()
        assert others.filter(original_language="es").count() >= 3
        everywhere = others.filter(filled("title_fr"), filled("title_en"), filled("title_es"))
        assert everywhere.count() >= 10

    def test_every_language_version_is_complete_or_empty(self, others):
        required = ("title", "slug", "lead", "dateline", "body")
        for release in others:
            for code in LANGUAGE_CODES:
                values = [getattr(release, f"{name}_{code}") for name in required]
                assert all(values) or not any(values), (release.pk, code)
            assert release.original_language in release.languages

    def test_they_span_the_two_years_before_the_idm_and_a_little_after(self, others):
        public = others.filter(published_at__lt=timezone.now())
        first, last = public.earliest().published_at, public.latest().published_at
        assert first.date() < datetime.date(2022, 9, 1)
        assert datetime.date(2024, 9, 1) < last.date() < datetime.date(2024, 12, 1)

    def test_drafts_and_scheduled_releases_are_hidden_from_the_public(self, others):
        drafts = others.filter(status=PressRelease.Status.DRAFT)
        scheduled = others.filter(
            status=PressRelease.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        assert drafts.count() >= 2
        assert scheduled.count() >= 1
        public = PressRelease.objects.published()
        assert not public.filter(pk__in=drafts).exists()
        assert not public.filter(pk__in=scheduled).exists()
        embargo = scheduled.earliest()
        assert (
            PressRelease.objects.published(at=embargo.published_at).filter(pk=embargo.pk).exists()
        )

    def test_topics_are_translated_and_shared_out(self, others):
        assert Topic.objects.count() >= 12
        for topic in Topic.objects.all():
            assert topic.name_fr and topic.name_en and topic.name_es
            assert topic.release_links.exists(), topic.slug
        for release in others.prefetch_related("topics", "contacts"):
            assert 1 <= len(release.topics.all()) <= 3
            assert len(release.contacts.all()) <= 2

    def test_datelines_are_translated_where_the_name_differs(self, others):
        geneva = others.filter(dateline_fr="Genève").exclude(title_en=None)
        assert geneva.exists()
        assert set(geneva.values_list("dateline_en", flat=True)) == {"Geneva"}


class TestLoadingTwice:
    def test_loading_twice_creates_no_duplicates(self, demo_content):
        def counts():
            return [model.objects.count() for model in (PressRelease, Topic, MediaContact)] + [
                PressRelease.topics.through.objects.count()
            ]

        before = counts()
        out = io.StringIO()
        demo.load(stdout=out)
        assert counts() == before
        assert "0 created" in out.getvalue()

    def test_loading_again_keeps_an_editors_changes(self, idm):
        idm.title_en = "A title an editor rewrote"
        idm.save()
        demo.load(stdout=io.StringIO())
        idm.refresh_from_db()
        assert idm.title_en == "A title an editor rewrote"


class TestLoadDemoCommand:
    def test_it_refuses_to_run_with_debug_off(self, settings):
        settings.DEBUG = False
        with pytest.raises(CommandError, match="--force"):
            call_command("load_demo", stdout=io.StringIO())
        assert not get_user_model().objects.filter(username="demo").exists()

    def test_it_runs_with_debug_off_when_forced(self, settings, demo_content):
        settings.DEBUG = False
        call_command("load_demo", "--force", stdout=io.StringIO())
        assert get_user_model().objects.filter(username="demo", is_superuser=True).exists()

    def test_it_prints_the_password_only_when_it_creates_the_demo_admin(
        self, settings, demo_content
    ):
        settings.DEBUG = True
        first, second = io.StringIO(), io.StringIO()

        call_command("load_demo", stdout=first)
        password = re.search(r"with the password (\S+)", first.getvalue())[1]
        call_command("load_demo", stdout=second)

        admin = get_user_model().objects.get(username="demo")
        assert admin.is_superuser and admin.is_staff
        assert admin.check_password(password)
        assert password not in second.getvalue()
        assert "already exists" in second.getvalue()
        assert "Press releases:" in second.getvalue()


class TestImages:
    def test_the_idm_release_has_a_drawn_image_described_in_three_languages(self, idm):
        assert idm.image and (idm.image_width, idm.image_height) == (1600, 900)
        assert idm.image_credit == "© iom-cms"
        for code in LANGUAGE_CODES:
            assert getattr(idm, f"image_alt_{code}"), code
            assert getattr(idm, f"image_caption_{code}"), code
        assert idm.image_alt_en.startswith("Illustration: seats arranged in a semicircle")

    def test_some_public_releases_have_images_too(self, others):
        illustrated = others.exclude(image="")
        assert illustrated.count() == 5
        assert set(illustrated.values_list("status", flat=True)) == {"published"}
        assert not illustrated.filter(image_alt_es="").exists()

    def test_each_image_s_size_is_stored_so_that_lists_never_open_the_file(self, demo_content):
        # Read as columns: an instance would measure a missing size from the file on loading.
        sizes = PressRelease.objects.exclude(image="").values_list("image_width", "image_height")
        assert len(sizes) == 6 and None not in {size for pair in sizes for size in pair}
        assert (1600, 900) in sizes

    def test_loading_again_adds_no_image(self, demo_content):
        out = io.StringIO()
        demo.load(stdout=out)
        assert "Images: 6, 0 added." in out.getvalue()
