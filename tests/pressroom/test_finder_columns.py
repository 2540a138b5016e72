"""The columns PostgreSQL keeps for the finder's broad searches (migration 0009): each release's
topic ids, and the small title-and-lead document that ranks the hits."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from pressroom.finder import Finder, ReleaseFilterForm
from pressroom.models import PressRelease, TaggedRelease
from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="columns made on PostgreSQL"),
]


def kept_topic_ids():
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, topic_ids FROM pressroom_pressrelease")
        return {pk: sorted(ids) for pk, ids in cursor.fetchall() if ids}


def linked_topic_ids():
    links = {}
    for release, topic in TaggedRelease.objects.values_list("content_object_id", "tag_id"):
        links.setdefault(release, []).append(topic)
    return {pk: sorted(ids) for pk, ids in links.items()}


def test_each_release_keeps_the_ids_of_its_topics_through_every_change():
    topics = TopicFactory.create_batch(4)
    first = PressReleaseFactory(topics=topics[:2])
    second = PressReleaseFactory(topics=topics[1:])
    third = PressReleaseFactory(topics=[topics[0]])
    assert kept_topic_ids() == linked_topic_ids()
    first.topics.set([topics[3]])
    second.topics.remove(topics[2])
    TaggedRelease.objects.filter(content_object=third).update(tag=topics[2])
    topics[1].delete()
    assert (
        kept_topic_ids()
        == linked_topic_ids()
        == {first.pk: [topics[3].pk], second.pk: [topics[3].pk], third.pk: [topics[2].pk]}
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pressroom_pressrelease SET topic_ids = '{}'")
        cursor.execute("SELECT pressroom_topic_ids_rebuild()")
    assert kept_topic_ids() == linked_topic_ids()


def test_the_topics_of_a_word_search_are_counted_as_their_links_give():
    topics = TopicFactory.create_batch(3)
    for index in range(9):
        PressReleaseFactory(title_fr=f"Sécheresse {index}", topics=topics[: index % 4])
    PressReleaseFactory(title_fr="Sécheresse cachée", draft=True, topics=topics)
    PressReleaseFactory(title_fr="Autre chose", topics=topics)
    form = ReleaseFilterForm({"q": "sécheresse"})
    assert form.is_valid()
    counted = {topic.slug: topic.count for topic in Finder(form).topics}
    public = PressRelease.objects.published().filter(title_fr__startswith="Sécheresse ")
    expected = dict(
        TaggedRelease.objects.filter(content_object__in=public)
        .values_list("tag__slug")
        .annotate(n=Count("pk"))
    )
    assert counted == expected == {topics[0].slug: 6, topics[1].slug: 4, topics[2].slug: 2}


def test_hits_are_ranked_on_title_then_lead_and_body_only_hits_come_newest_first(client):
    now = timezone.now()
    PressReleaseFactory(
        title_fr="Rapport",
        body_fr="<p>Inondations.</p>",
        published_at=now - datetime.timedelta(days=1),
    )
    PressReleaseFactory(
        title_fr="Ancien rapport",
        body_fr="<p>Inondations.</p>",
        published_at=now - datetime.timedelta(days=300),
    )
    PressReleaseFactory(
        title_fr="Bilan",
        lead_fr="Les inondations continuent.",
        published_at=now - datetime.timedelta(days=200),
    )
    PressReleaseFactory(
        title_fr="Inondations au Sahel", published_at=now - datetime.timedelta(days=400)
    )
    response = client.get("/fr/communiques/", {"q": "inondations"})
    titles = [release.title_fr for release in response.context["object_list"]]
    assert titles == ["Inondations au Sahel", "Bilan", "Rapport", "Ancien rapport"]


@pytest.mark.parametrize("sort", ["newest", "oldest", "relevance"])
def test_the_page_found_with_the_counts_is_the_page_of_that_order(client, sort):
    now = timezone.now()
    for day in range(25):
        in_title = day % 3 == 0
        PressReleaseFactory(
            title_fr=f"{'Inondations' if in_title else 'Rapport'} {day:02d}",
            lead_fr="Les inondations continuent." if day % 3 == 1 else "Un rapport.",
            body_fr="<p>Des inondations.</p>",
            published_at=now - datetime.timedelta(days=day),
        )
    PressReleaseFactory(title_fr="Inondations cachées", draft=True)
    public = list(
        PressRelease.objects.published()
        .filter(body_fr__contains="inondations")
        .order_by("-published_at")
    )
    if sort == "oldest":
        public.reverse()
    if sort == "relevance":  # title, then lead, then body; newest first among equals
        public.sort(
            key=lambda r: (not r.title_fr.startswith("Inondations"), "inondations" not in r.lead_fr)
        )
    expected = [release.title_fr for release in public]
    shown = []
    for page in ("1", "2"):
        # sort=relevance is the default with words: its address is the one without it.
        query = {"q": "inondations", "sort": sort, "page": page}
        response = client.get("/fr/communiques/", query, follow=True)
        shown += [release.title_fr for release in response.context["object_list"]]
    assert shown == expected
    for page in ("3", "0", "x", "9" * 30):
        response = client.get("/fr/communiques/", {"q": "inondations", "page": page})
        assert response.status_code == 404, page


def test_the_finder_summaries_escape_every_value(client):
    topic = TopicFactory(slug="climate", name_fr="Climat <b>&</b>")
    PressReleaseFactory(
        title_fr="Titre <script>x</script>",
        lead_fr='Chapeau "&" <i>',
        dateline_fr="Genève <br>",
        topics=[topic],
    )
    html = client.get("/fr/communiques/").content.decode()
    assert "Titre &lt;script&gt;x&lt;/script&gt;</a></h3>" in html
    assert "Chapeau &quot;&amp;&quot; &lt;i&gt;</p>" in html
    assert "· Genève &lt;br&gt;</span>" in html
    assert '<a href="/fr/communiques/?topic=climate">Climat &lt;b&gt;&amp;&lt;/b&gt;</a>' in html
    assert (
        'value="climate"> Climat &lt;b&gt;&amp;&lt;/b&gt; <span class="finder__count">(1)' in html
    )
    assert "<script>" not in html.split("<main", 1)[1]
