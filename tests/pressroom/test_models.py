import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from pressroom.models import PressRelease, Topic
from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db


class TestPublishedRule:
    def test_a_published_release_whose_time_has_passed_is_public(self):
        release = PressReleaseFactory()
        assert list(PressRelease.objects.published()) == [release]
        assert release.is_published()

    def test_a_draft_is_never_public(self):
        release = PressReleaseFactory(draft=True)
        assert not PressRelease.objects.published().exists()
        assert not release.is_published()

    def test_an_embargoed_release_becomes_public_exactly_at_its_time(self):
        at = timezone.now() + datetime.timedelta(hours=2)
        release = PressReleaseFactory(published_at=at)
        one_second = datetime.timedelta(seconds=1)

        assert not PressRelease.objects.published(at=at - one_second).exists()
        assert not release.is_published(at=at - one_second)
        assert list(PressRelease.objects.published(at=at)) == [release]
        assert release.is_published(at=at)
        assert not PressRelease.objects.published().exists()

    def test_unpublishing_hides_a_release_whose_time_has_passed(self):
        release = PressReleaseFactory()
        release.status = PressRelease.Status.DRAFT
        release.save()
        assert not PressRelease.objects.published().exists()


class TestLanguages:
    def test_languages_lists_the_versions_that_exist_in_site_order(self):
        release = PressReleaseFactory(spanish=True)
        assert release.languages == ["fr", "es"]

    def test_a_reader_of_a_missing_language_gets_the_original_marked_as_fallback(self):
        release = PressReleaseFactory()
        content = release.in_language("en")
        assert content.language == "fr"
        assert content.is_fallback
        assert content.title == release.title_fr

    def test_a_reader_of_an_existing_language_gets_that_version(self):
        release = PressReleaseFactory(english=True)
        content = release.in_language("en")
        assert (content.language, content.is_fallback) == ("en", False)
        assert content.title == release.title_en

    def test_available_in_selects_releases_with_that_version(self):
        french_only = PressReleaseFactory()
        bilingual = PressReleaseFactory(english=True)
        assert list(PressRelease.objects.available_in("en")) == [bilingual]
        assert set(PressRelease.objects.available_in("fr")) == {french_only, bilingual}

    def test_a_half_translated_version_is_refused_with_a_message_per_missing_field(self):
        release = PressReleaseFactory.build(title_en="Only a title")
        with pytest.raises(ValidationError) as error:
            release.full_clean()
        assert {"slug_en", "lead_en", "dateline_en", "body_en"} <= error.value.message_dict.keys()

    def test_a_release_in_english_only_is_valid(self):
        release = PressRelease(
            original_language="en",
            title_en="Only in English",
            slug_en="only-in-english",
            lead_en="A lead.",
            dateline_en="Geneva",
            body_en="<p>Body.</p>",
        )
        with translation.override("fr"):
            release.full_clean()
            release.save()
        assert release.languages == ["en"]

    def test_a_release_without_its_original_language_version_is_refused(self):
        release = PressReleaseFactory.build(original_language="es")
        with pytest.raises(ValidationError) as error:
            release.full_clean()
        assert "title_es" in error.value.message_dict


class TestDatabaseInvariants:
    def test_the_database_refuses_a_release_without_a_title_in_its_original_language(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            PressReleaseFactory(original_language="en")

    def test_the_database_refuses_an_unknown_status(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            PressReleaseFactory(status="archived")

    def test_slugs_are_unique_within_a_language(self):
        PressReleaseFactory(slug_fr="meme-adresse")
        with pytest.raises(IntegrityError), transaction.atomic():
            PressReleaseFactory(slug_fr="meme-adresse")

    def test_many_releases_may_lack_the_same_language(self):
        PressReleaseFactory()
        PressReleaseFactory()
        assert PressRelease.objects.filter(slug_en__isnull=True).count() == 2

    def test_a_duplicate_slug_is_a_validation_error_before_it_reaches_the_database(self):
        PressReleaseFactory(slug_fr="meme-adresse")
        duplicate = PressReleaseFactory.build(slug_fr="meme-adresse")
        with pytest.raises(ValidationError) as error:
            duplicate.full_clean()
        assert error.value.message_dict == {
            "slug_fr": ["Un autre communiqué utilise déjà cet identifiant d'URL."]
        }


class TestSanitiser:
    @pytest.mark.parametrize("language", ["fr", "en", "es"])
    def test_the_body_is_cleaned_in_every_language_when_saved(self, language):
        release = PressReleaseFactory(english=True, spanish=True)
        setattr(
            release,
            f"body_{language}",
            '<p onclick="steal()">Texte<script>alert(1)</script>'
            '<a href="javascript:alert(1)">lien</a> <img src=x onerror=alert(1)>'
            '<a href="https://www.iom.int/">OIM</a></p>',
        )
        release.save()
        release.refresh_from_db()
        body = getattr(release, f"body_{language}")
        assert "script" not in body
        assert "onclick" not in body
        assert "javascript:" not in body
        assert "onerror" not in body
        assert '<a href="https://www.iom.int/" rel="noopener noreferrer">OIM</a>' in body

    def test_the_note_to_editors_is_cleaned_too(self):
        release = PressReleaseFactory(note_to_editors_fr='<p style="x" onmouseover="y">Note</p>')
        release.refresh_from_db()
        assert release.note_to_editors_fr == "<p>Note</p>"


class TestTopics:
    def test_topic_names_are_unique_whatever_their_case(self):
        TopicFactory(name_fr="Climat")
        shouting = Topic(slug="climat-2", name_fr="CLIMAT", name_en="Climate 2", name_es="Clima 2")
        with pytest.raises(ValidationError):
            shouting.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            shouting.save()

    def test_adding_a_topic_by_name_ignores_case(self):
        topic = TopicFactory(name_fr="Climat")
        release = PressReleaseFactory()
        release.topics.add("climat")
        assert list(release.topics.all()) == [topic]
        assert Topic.objects.count() == 1

    def test_a_topic_keeps_one_slug_while_its_name_is_translated(self):
        topic = TopicFactory(slug="climate", name_fr="Climat", name_en="Climate", name_es="Clima")
        names = {}
        for code in ("fr", "en", "es"):
            with translation.override(code):
                names[code] = str(Topic.objects.get(slug="climate"))
        assert names == {"fr": "Climat", "en": "Climate", "es": "Clima"}
        assert topic.slug == "climate"
