"""The journalists' finder on the release list: each filter, their combinations, the counts."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from tests.factories import EventFactory, PressReleaseFactory, TopicFactory, UnitFactory

pytestmark = pytest.mark.django_db

GENEVA = datetime.timezone(datetime.timedelta(hours=1))  # winter time, enough for these dates


def list_url(language="fr"):
    with translation.override(language):
        return reverse("pressroom:list")


def at(year, month=6, day=15):
    return datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC)


def titles(response):
    return [release.title_fr for release in response.context["object_list"]]


@pytest.fixture
def newsroom():
    """Five public releases over three years, two topics, three languages; a draft and an
    embargoed release that must never show."""
    climate = TopicFactory(slug="climate", name_fr="Climat", name_en="Climate")
    health = TopicFactory(slug="health", name_fr="Santé", name_en="Health")
    PressReleaseFactory(title_fr="A", published_at=at(2022, 3), topics=[climate])
    PressReleaseFactory(
        title_fr="B", published_at=at(2023, 3), topics=[climate, health], english=True
    )
    PressReleaseFactory(title_fr="C", published_at=at(2023, 11), topics=[health], spanish=True)
    PressReleaseFactory(title_fr="D", published_at=at(2024, 1, 10), english=True, spanish=True)
    PressReleaseFactory(title_fr="E", published_at=at(2024, 2, 20), topics=[climate])
    PressReleaseFactory(title_fr="Brouillon", draft=True, topics=[climate])
    PressReleaseFactory(
        title_fr="Embargo",
        topics=[climate],
        published_at=timezone.now() + datetime.timedelta(hours=2),
    )
    return {"climate": climate, "health": health}


class TestEachFilter:
    def test_no_filter_lists_every_public_release_newest_first(self, client, newsroom):
        assert titles(client.get(list_url())) == ["E", "D", "C", "B", "A"]

    def test_from_and_to_are_inclusive_days_in_geneva_time(self, client, newsroom):
        response = client.get(list_url(), {"from": "2023-03-15", "to": "2024-01-10"})
        assert titles(response) == ["D", "C", "B"]

    def test_either_date_may_be_empty(self, client, newsroom):
        assert titles(client.get(list_url(), {"from": "2024-01-01"})) == ["E", "D"]
        assert titles(client.get(list_url(), {"to": "2022-12-31"})) == ["A"]

    def test_a_year_and_a_month(self, client, newsroom):
        assert titles(client.get(list_url(), {"year": "2023"})) == ["C", "B"]
        assert titles(client.get(list_url(), {"year": "2023", "month": "11"})) == ["C"]

    def test_one_topic(self, client, newsroom):
        assert titles(client.get(list_url(), {"topic": "health"})) == ["C", "B"]

    def test_several_topics_all_of_them_by_default(self, client, newsroom):
        response = client.get(list_url() + "?topic=climate&topic=health")
        assert titles(response) == ["B"]

    def test_several_topics_any_of_them(self, client, newsroom):
        response = client.get(list_url() + "?topic=climate&topic=health&match=any")
        assert titles(response) == ["E", "C", "B", "A"]

    def test_language_available(self, client, newsroom):
        assert titles(client.get(list_url(), {"language": "en"})) == ["D", "B"]
        assert titles(client.get(list_url(), {"language": "es"})) == ["D", "C"]

    def test_oldest_first(self, client, newsroom):
        assert titles(client.get(list_url(), {"sort": "oldest"})) == ["A", "B", "C", "D", "E"]

    def test_relevance_without_words_falls_back_to_newest(self, client, newsroom):
        response = client.get(list_url(), {"sort": "relevance"})
        assert response.status_code == 200
        assert titles(response) == ["E", "D", "C", "B", "A"]

    def test_words_match_the_title(self, client, newsroom):
        PressReleaseFactory(title_fr="Inondations au Bangladesh", published_at=at(2021))
        assert titles(client.get(list_url(), {"q": "Bangladesh"})) == ["Inondations au Bangladesh"]


class TestCombinedFilters:
    def test_topic_year_and_language_together(self, client, newsroom):
        response = client.get(list_url(), {"topic": "climate", "year": "2023", "language": "en"})
        assert titles(response) == ["B"]

    def test_dates_and_year_intersect(self, client, newsroom):
        response = client.get(list_url(), {"year": "2023", "from": "2023-06-01"})
        assert titles(response) == ["C"]

    def test_a_filter_that_matches_nothing_says_so(self, client, newsroom):
        response = client.get(list_url(), {"topic": "health", "year": "2022"})
        assert response.status_code == 200
        assert "Aucun communiqué de presse ne correspond à ce filtre." in response.content.decode()


class TestFacets:
    def test_year_counts_add_up_to_the_total(self, client, newsroom):
        finder = client.get(list_url()).context["finder"]
        assert finder.years == [(2024, 2), (2023, 2), (2022, 1)]
        assert sum(count for _year, count in finder.years) == finder.count == 5

    def test_counts_follow_the_current_filter(self, client, newsroom):
        finder = client.get(list_url(), {"topic": "climate"}).context["finder"]
        assert finder.count == 3
        assert finder.years == [(2024, 1), (2023, 1), (2022, 1)]
        assert {t.slug: t.count for t in finder.topics} == {"climate": 3, "health": 1}

    def test_months_are_offered_within_a_chosen_year(self, client, newsroom):
        response = client.get(list_url(), {"year": "2023"})
        months = response.context["finder"].months
        assert [(month, count) for month, _name, count in months] == [(3, 1), (11, 1)]
        assert "novembre" in response.content.decode()

    def test_drafts_and_embargoed_releases_are_in_no_count(self, client, newsroom):
        finder = client.get(list_url(), {"topic": "climate"}).context["finder"]
        assert {t.slug: t.count for t in finder.topics}["climate"] == 3

    def test_topics_are_named_in_the_readers_language(self, client, newsroom):
        html = client.get(list_url("en")).content.decode()
        assert 'Climate <span class="finder__count">(3)</span>' in html
        assert 'value="climate"' in html


class TestSummaryAndPermalinks:
    def test_the_summary_line_says_what_is_shown(self, client, newsroom):
        response = client.get(list_url("en"), {"topic": "climate", "year": "2023"})
        assert response.context["summary"] == "1 press release: Climate, 2023"
        assert "1 press release: Climate, 2023" in response.content.decode()

    def test_each_filter_can_be_removed(self, client, newsroom):
        response = client.get(list_url("en"), {"topic": "climate", "year": "2023", "q": "x"})
        chips = dict(response.context["active_filters"])
        assert chips["Climate"] == "year=2023&q=x"
        assert chips["2023"] == "topic=climate&q=x"
        assert chips["“x”"] == "topic=climate&year=2023"

    def test_removing_one_of_several_topics_keeps_the_other(self, client, newsroom):
        response = client.get(list_url("en") + "?topic=climate&topic=health")
        assert dict(response.context["active_filters"])["Climate"] == "topic=health"

    def test_a_permalink_round_trips(self, client, newsroom):
        query = "topic=climate&topic=health&match=any&from=2023-01-01&language=en&sort=oldest"
        first = client.get(f"{list_url('en')}?{query}")
        assert first.context["query"] == query
        assert titles(first) == ["B"]
        cache.clear()
        again = client.get(f"{list_url('en')}?{first.context['query']}")
        assert titles(again) == ["B"]

    def test_the_page_links_its_feed_and_api_with_the_same_query(self, client, newsroom):
        html = client.get(list_url(), {"topic": "climate"}).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert 'href="/fr/communiques/feed/?topic=climate"' in html
        assert 'href="/fr/communiques/api/?topic=climate"' in html

    def test_page_numbers_keep_the_filter(self, client):
        topic = TopicFactory(slug="climate")
        now = timezone.now()
        for day in range(45):
            PressReleaseFactory(topics=[topic], published_at=now - datetime.timedelta(days=day + 1))
        response = client.get(list_url(), {"topic": "climate", "page": "2"})
        html = response.content.decode()
        assert response.context["page_obj"].number == 2
        assert 'href="?topic=climate&amp;page=3"' in html
        assert 'href="?topic=climate&amp;page=1"' in html


class TestTheSubmittedForm:
    """The form sends every field: the answer is the clean permalink (a redirect)."""

    def test_empty_fields_are_dropped_and_the_rest_kept_in_the_forms_order(self, client):
        query = (
            "sort=oldest&q=&topic=health&topic=climate&match=all&kind=&office=&event="
            "&from=2024-01-01&to=&language=&utm_source=x&page=2"
        )
        response = client.get(f"{list_url()}?{query}")
        assert response.status_code == 302
        assert response["Location"] == (
            f"{list_url()}?topic=climate&topic=health&from=2024-01-01&sort=oldest"
            "&utm_source=x&page=2"
        )

    def test_a_form_sent_with_nothing_chosen_is_the_bare_list(self, client):
        response = client.get(list_url("en"), {"q": "", "match": "all", "sort": "newest"})
        assert response.status_code == 302
        assert response["Location"] == list_url("en")

    def test_the_default_sort_of_words_is_dropped_but_a_chosen_one_kept(self, client):
        response = client.get(list_url(), {"q": "climat", "kind": "", "sort": "relevance"})
        assert response["Location"] == f"{list_url()}?q=climat"
        response = client.get(list_url(), {"q": "climat", "kind": "", "sort": "newest"})
        assert response["Location"] == f"{list_url()}?q=climat&sort=newest"

    def test_a_clean_address_is_answered_as_it_is(self, client, newsroom):
        assert client.get(f"{list_url()}?year=2023&topic=climate").status_code == 200


class TestBadFilters:
    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ({"from": "1 March 2024"}, "Give the date as YYYY-MM-DD"),
            ({"from": "2024-31-12"}, "2024-31-12 is not a date: there is no month 31."),
            ({"to": "2024-02-30"}, "2024-02-30 is not a date: February 2024 has 29 days."),
            ({"to": "2023-02-29"}, "2023-02-29 is not a date: February 2023 has 28 days."),
            ({"from": "2024-04-31"}, "2024-04-31 is not a date: April 2024 has 30 days."),
            ({"from": "2024-03-01", "to": "2024-02-01"}, "The start date is after the end date."),
            ({"month": "3"}, "Choose a year with the month."),
            (
                {"month": "13", "year": "2024"},
                "There is no month 13: the months are numbered 1 to 12.",
            ),
            ({"q": "x" * 10_000}, ""),
            ({"language": "de"}, ""),
            ({"sort": "random"}, ""),
            ({"match": "some"}, ""),
            ({"topic": "no-such-topic"}, ""),
            ({"topic": "../../etc/passwd"}, ""),
            ({"from": "0001-01-01"}, ""),
            ({"to": "9999-12-31"}, ""),
        ],
    )
    def test_a_bad_filter_is_a_400_with_the_form_and_its_reason(self, client, query, message):
        PressReleaseFactory()
        with translation.override("en"):
            response = client.get(list_url("en"), query)
        assert response.status_code == 400
        html = response.content.decode()
        assert escape(message) in html
        assert 'role="search"' in html

    def test_a_refused_filter_keeps_everything_the_reader_chose(self, client, newsroom):
        query = (
            "q=migrants&topic=climate&topic=health&match=any&kind=statement"
            "&from=2024-02-30&to=2024-12-31&language=en&sort=oldest"
        )
        response = client.get(f"{list_url()}?{query}")
        assert response.status_code == 400
        html = response.content.decode()
        assert 'value="climate" checked' in html and 'value="health" checked' in html
        assert 'value="any" checked' in html
        assert '<option value="statement" selected>' in html
        assert 'value="migrants"' in html
        assert 'value="2024-02-30"' in html and 'value="2024-12-31"' in html
        assert '<option value="en" lang="en" selected>' in html
        assert '<option value="oldest" selected>' in html
        assert "2024-02-30 n’est pas une date : février 2024 a 29 jours." in html

    def test_the_reason_is_given_in_the_readers_language(self, client):
        html = client.get(list_url("es"), {"month": "13", "year": "2024"}).content.decode()
        assert "No existe el mes 13: los meses van del 1 al 12." in html

    def test_too_many_topics_is_a_400(self, client):
        slugs = [TopicFactory().slug for _ in range(11)]
        query = "&".join(f"topic={slug}" for slug in slugs)
        assert client.get(f"{list_url()}?{query}").status_code == 400

    def test_a_page_past_the_end_is_a_404(self, client, newsroom):
        assert client.get(list_url(), {"page": "2"}).status_code == 404


class TestQueryCounts:
    def test_a_page_costs_the_same_queries_whatever_the_filters_and_the_releases(
        self, client, django_assert_num_queries
    ):
        topics = TopicFactory.create_batch(4)
        PressReleaseFactory.create_batch(2, topics=topics[:1])
        query = {
            "topic": [t.slug for t in topics[:2]],
            "match": "any",
            "from": "2000-01-01",
            "language": "fr",
            "q": "communiqué",
        }
        # The topics asked for, counts by year and type and by topic (one statement), the page
        # (its ids in a subquery, its topics' ids in the rows) and, for the page cache, the next
        # scheduled publication. The same whether the counts come from the tallies (a topic) or
        # from the releases (words, a language, dates). The first page also builds what pages
        # share (pressroom/pieces.py: the topics' names, the offices and events offered; the
        # site's menu).
        with django_assert_num_queries(7):
            client.get(list_url(), {"topic": topics[0].slug})
        with django_assert_num_queries(4):
            client.get(list_url(), {"topic": topics[1].slug})
        PressReleaseFactory.create_batch(30, topics=topics, english=True)
        with django_assert_num_queries(4):
            client.get(list_url(), query)
        with django_assert_num_queries(3):  # no topic asked for: none to look up
            response = client.get(list_url(), {"page": "2"})
        assert len(response.context["object_list"]) == 12


class TestTypeOfficeAndEvent:
    def test_type_of_release(self, client, newsroom):
        PressReleaseFactory(title_fr="Déclaration", kind="statement", published_at=at(2021))
        response = client.get(list_url(), {"kind": "statement"})
        assert titles(response) == ["Déclaration"]

    def test_type_counts_add_up_to_the_total(self, client, newsroom):
        PressReleaseFactory(kind="statement", published_at=at(2021))
        PressReleaseFactory(kind="media-advisory", published_at=at(2021))
        finder = client.get(list_url("en")).context["finder"]
        assert finder.kinds == [
            ("press-release", "Press release", 5),
            ("statement", "Statement", 1),
            ("media-advisory", "Media advisory", 1),
        ]
        assert sum(count for _kind, _name, count in finder.kinds) == finder.count

    def test_issuing_office(self, client, newsroom):
        office = UnitFactory(slug="iom-bangladesh", name_fr="OIM Bangladesh")
        PressReleaseFactory(title_fr="De Dacca", issuing_unit=office, published_at=at(2021))
        response = client.get(list_url(), {"office": "iom-bangladesh"})
        assert titles(response) == ["De Dacca"]
        assert dict(response.context["active_filters"])["OIM Bangladesh"] == ""

    def test_related_event(self, client, newsroom):
        event = EventFactory(slug="idm-2024", title_fr="Dialogue international 2024")
        PressReleaseFactory(title_fr="Au Dialogue", event=event, published_at=at(2021))
        response = client.get(list_url(), {"event": "idm-2024"})
        assert titles(response) == ["Au Dialogue"]
        assert "Dialogue international 2024" in response.content.decode()

    def test_an_unpublished_event_is_an_unknown_event(self, client, newsroom):
        EventFactory(slug="secret", draft=True)
        assert client.get(list_url(), {"event": "secret"}).status_code == 400

    @pytest.mark.parametrize(
        ("name", "value"),
        [("kind", "op-ed"), ("office", "nowhere"), ("office", "a b"), ("event", "\u202e")],
    )
    def test_an_unknown_type_office_or_event_is_a_400(self, client, newsroom, name, value):
        assert client.get(list_url(), {name: value}).status_code == 400
