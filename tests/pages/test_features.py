import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from core import public_pages
from pages.models import Feature
from tests.factories import (
    EventFactory,
    FeatureFactory,
    PageFactory,
    PressReleaseFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def featured_section(html):
    start = html.index('class="features"')
    return html[start : html.index("</section>", start)]


def test_a_feature_must_point_to_exactly_one_item():
    with pytest.raises(IntegrityError):
        FeatureFactory(release=PressReleaseFactory(), event=EventFactory())


def test_a_feature_pointing_to_nothing_is_refused_with_a_message():
    feature = Feature(order=1)
    with pytest.raises(ValidationError, match="exactement un communiqué, un événement ou une page"):
        feature.full_clean()


def test_the_home_page_shows_featured_items_first_in_their_order(client):
    FeatureFactory(release=PressReleaseFactory(title_fr="Le communiqué mis en avant"), order=2)
    FeatureFactory(release=None, event=EventFactory(title_fr="L'événement phare"), order=1)
    FeatureFactory(release=None, page=PageFactory(title_fr="La page choisie"), order=3)
    html = client.get("/fr/").content.decode()
    section = featured_section(html)
    assert html.index('class="features"') < html.index('id="latest-heading"')
    positions = [
        section.index(title)
        for title in ("L&#x27;événement phare", "Le communiqué mis en avant", "La page choisie")
    ]
    assert positions == sorted(positions)
    assert "Événement" in section and "Communiqué de presse" in section


def test_a_featured_draft_or_embargoed_release_never_shows():
    later = timezone.now() + datetime.timedelta(hours=2)
    FeatureFactory(release=PressReleaseFactory(title_fr="Brouillon secret", draft=True))
    embargoed = FeatureFactory(release=PressReleaseFactory(published_at=later))
    FeatureFactory(release=None, event=EventFactory(draft=True))
    FeatureFactory(release=None, page=PageFactory(is_published=False))
    hidden_parent = PageFactory(is_published=False)
    FeatureFactory(release=None, page=PageFactory(parent=hidden_parent))
    assert list(Feature.objects.public()) == []
    # The embargo ends: the feature appears with its release, nothing else to do.
    assert list(Feature.objects.public(at=later)) == [embargoed]


def test_a_featured_draft_is_not_on_the_home_page(client):
    FeatureFactory(release=PressReleaseFactory(title_fr="Brouillon secret", draft=True))
    html = client.get("/fr/").content.decode()
    assert "Brouillon secret" not in html
    assert 'class="features"' not in html


def test_the_editors_heading_and_blurb_replace_the_items_own_in_their_language(client):
    release = PressReleaseFactory(
        title_fr="Titre du communiqué",
        english=True,
        title_en="Release title",
        lead_en="The release's lead.",
    )
    FeatureFactory(release=release, heading_fr="Notre titre à nous", blurb_fr="Notre résumé.")
    french = featured_section(client.get("/fr/").content.decode())
    assert "Notre titre à nous" in french and "Notre résumé." in french
    assert "Titre du communiqué" not in french
    english = featured_section(client.get("/en/").content.decode())
    assert "Release title" in english and "The release&#x27;s lead." in english
    assert 'href="/en/press-releases/' in english


def test_an_item_missing_in_the_readers_language_is_shown_in_its_own(client):
    FeatureFactory(release=PressReleaseFactory(title_fr="Seulement en français"))
    section = featured_section(client.get("/es/").content.decode())
    assert '<h3 class="feature__heading" lang="fr">' in section
    assert "Seulement en français" in section


def test_the_home_page_needs_the_same_queries_with_more_features(
    client,
    settings,
    django_assert_num_queries,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 0  # each request makes the page again

    def announce():  # as the admin does after a change: the kept pieces are built again
        with django_capture_on_commit_callbacks(execute=True):
            public_pages.changed()

    FeatureFactory(release=PressReleaseFactory(topics=[TopicFactory()]))
    client.get("/fr/")  # warm-up: the first request also loads the site's settings
    with django_assert_num_queries(2):  # the latest releases and the next events; kept: the rest
        client.get("/fr/")
    announce()
    with django_assert_max_num_queries(10) as baseline:
        client.get("/fr/")
    count = len(baseline.captured_queries)
    FeatureFactory(release=None, event=EventFactory())
    FeatureFactory(release=None, page=PageFactory(parent=PageFactory()))
    FeatureFactory(release=PressReleaseFactory(english=True))
    announce()
    with django_assert_num_queries(count):
        response = client.get("/fr/")
    assert featured_section(response.content.decode()).count('<li class="feature') == 4


def test_staff_feature_an_item_in_the_admin(admin_client):
    release = PressReleaseFactory(title_fr="À la une")
    response = admin_client.post(
        "/admin/pages/feature/add/",
        {
            "release": release.pk,
            "order": 1,
            "heading_fr": "",
            "blurb_fr": "",
        },
    )
    assert response.status_code == 302
    assert Feature.objects.get().release == release
    FeatureFactory(release=PressReleaseFactory(title_fr="Encore un brouillon", draft=True))
    listing = admin_client.get("/admin/pages/feature/").content.decode()
    assert "À la une" in listing and "Encore un brouillon" in listing
    # Which features the home page shows now: the public one, not the draft's.
    assert listing.count('alt="True"') == 1 and listing.count('alt="False"') == 1


def test_the_admin_explains_a_feature_with_two_targets(admin_client):
    response = admin_client.post(
        "/admin/pages/feature/add/",
        {
            "release": PressReleaseFactory().pk,
            "event": EventFactory().pk,
            "order": 1,
        },
    )
    assert response.status_code == 200
    assert "exactement un communiqué, un événement ou une page" in response.content.decode()
    assert not Feature.objects.exists()


def test_the_demo_features_the_idm_release_and_event_once(client, settings):
    from django.core.management import call_command

    settings.DEBUG = True
    for _ in range(2):  # idempotent
        call_command("load_demo", stdout=io.StringIO())
    features = list(Feature.objects.public())
    assert [bool(f.release) for f in features] == [True, False]
    assert features[0].release.title_fr.startswith("L'OIM a accueilli à New York")
    assert features[1].event.slug == "idm-2024-new-york"
    section = featured_section(client.get("/en/").content.decode())
    assert "International Dialogue on Migration 2024" in section


def test_a_featured_release_appears_when_its_embargo_ends_with_no_write(client, clock):
    start = timezone.now()
    clock(start)
    FeatureFactory(release=PressReleaseFactory(title_fr="Déjà public"), order=2)
    embargoed = PressReleaseFactory(
        title_fr="Sous embargo", published_at=start + datetime.timedelta(hours=1)
    )
    FeatureFactory(release=embargoed, order=1)
    assert "Sous embargo" not in featured_section(client.get("/fr/").content.decode())
    clock(start + datetime.timedelta(hours=1, seconds=1))
    section = featured_section(client.get("/fr/").content.decode())
    assert section.index("Sous embargo") < section.index("Déjà public")
