"""A release's summary has one writer (pressroom/summaries.py and its Jinja2 template): the
finder, the home page and the organisation's pages show the same markup, and email alerts can
ask for it in a language, with absolute addresses."""

import re

import pytest
from django.utils import translation

from pressroom.models import PressRelease, ReleaseKind
from pressroom.summaries import summaries_html, topic_list_html
from tests.factories import PersonFactory, PressReleaseFactory, TopicFactory, UnitFactory

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<article class="release-summary">.*?</article>', re.S)


@pytest.fixture
def release():
    unit = UnitFactory(slug="geneva", name_fr="Bureau <de> Genève")
    person = PersonFactory(slug="someone")
    release = PressReleaseFactory(
        title_fr="Titre <script>x</script> d'été",
        lead_fr='Chapeau "&" <i>',
        english=True,
        kind=ReleaseKind.STATEMENT,
        issuing_unit=unit,
        topics=[
            TopicFactory(slug="climate", name_fr="Climat <b>&</b>"),
            TopicFactory(slug="ab", name_fr="Asile"),
        ],
    )
    release.quoted_people.add(person)
    return release


def summaries_on(client, address):
    return SUMMARY.findall(client.get(address).content.decode())


def test_the_finder_home_and_unit_pages_show_the_same_summary(client, release):
    [on_the_finder] = summaries_on(client, "/fr/communiques/")
    assert summaries_on(client, "/fr/") == [on_the_finder]
    assert summaries_on(client, "/fr/qui-sommes-nous/structure/geneva/") == [on_the_finder]
    assert summaries_on(client, "/fr/qui-sommes-nous/personnes/someone/") == [on_the_finder]
    assert "Titre &lt;script&gt;x&lt;/script&gt; d&#x27;été</a></h3>" in on_the_finder
    assert "Chapeau &quot;&amp;&quot; &lt;i&gt;</p>" in on_the_finder
    assert '?office=geneva">Bureau &lt;de&gt; Genève</a>' in on_the_finder
    # Topics in the order of their slugs, on every page.
    assert on_the_finder.index("?topic=ab") < on_the_finder.index("?topic=climate")


def test_an_email_asks_for_summaries_in_a_language_with_absolute_addresses(release):
    releases = PressRelease.objects.published()
    with translation.override("fr"):
        html = summaries_html(releases, language="en", origin="https://www.iom.int")
        assert translation.get_language() == "fr"
    assert 'href="https://www.iom.int/en/press-releases/press-release-' in html
    assert 'href="https://www.iom.int/en/press-releases/?topic=climate"' in html
    assert 'lang="en"' in html and "Press release number" in html
    assert 'aria-label="Topics"' in html
    spanish = summaries_html(releases, language="es")
    # No Spanish version: the French one, said so in Spanish.
    assert 'lang="fr"' in spanish and 'class="fallback-note"' in spanish
    assert 'href="/es/comunicados/?topic=climate"' in spanish


def test_the_topic_list_is_one_writer_for_a_summary_and_a_release_page(release):
    topics = sorted(release.topics.all(), key=lambda topic: topic.slug)
    with translation.override("fr"):
        plain = topic_list_html(topics)
    assert plain == (
        '<ul class="topic-list"><li><a href="/fr/communiques/?topic=ab">Asile</a></li>'
        '<li><a href="/fr/communiques/?topic=climate">Climat &lt;b&gt;&amp;&lt;/b&gt;</a></li></ul>'
    )
