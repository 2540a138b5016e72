import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from organisation.models import Unit
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    ProfileFactory,
    TopicFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en", "es"]


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"organisation:{name}", kwargs=kwargs or None)


def html_of(client, address, status=200):
    response = client.get(address)
    assert response.status_code == status, address
    return response.content.decode()


def quoting(person, **fields):
    release = PressReleaseFactory(**fields)
    release.quoted_people.set([person])
    return release


class TreeLinks(HTMLParser):
    """For each link in the first org tree of a page: the links of the list items around it.

    The lists of posts and holders inside the tree (on the structure page) are left out.
    """

    def __init__(self, html):
        super().__init__()
        self.open_items, self.link, self.depth, self.around = [], None, 0, {}
        self.in_posts = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if self.in_posts or (tag == "ul" and dict(attrs).get("class") == "post-holders"):
            self.in_posts += tag == "ul"
            return
        if (
            tag == "ul"
            and "org-tree" in (dict(attrs).get("class") or "").split()
            and (not self.around)
        ):
            self.depth = 1
        elif self.depth and tag == "ul":
            self.depth += 1
        elif self.depth and tag == "li":
            self.open_items.append("")
        elif self.depth and tag == "a":
            self.link = ""

    def handle_data(self, data):
        if self.link is not None:
            self.link += data

    def handle_endtag(self, tag):
        if self.in_posts:
            self.in_posts -= tag == "ul"
            return
        if self.depth and tag == "a":
            self.open_items[-1] = self.link
            self.around[self.link] = self.open_items[:-1]
            self.link = None
        elif self.depth and tag == "li":
            self.open_items.pop()
        elif self.depth and tag == "ul":
            self.depth -= 1


@pytest.fixture
def organisation():
    """An office with two divisions, the first with a unit of its own; a DG and a vacant post."""
    office = UnitFactory(
        name_fr="Bureau du DG",
        name_en="DG's Office",
        name_es="Oficina del DG",
        slug="office",
        kind="office",
    )
    UnitFactory(parent=office, position=2, name_en="Second division", slug="second")
    first = UnitFactory(parent=office, position=1, name_en="First division", slug="first")
    UnitFactory(parent=first, name_en="Team under the first", slug="team")
    director = PositionFactory(
        unit=office,
        order=1,
        in_leadership_team=True,
        title_fr="Directeur général ou directrice générale",
        title_feminine_fr="Directrice générale",
        title_masculine_fr="Directeur général",
        title_en="Director General",
        title_es="Director o Directora General",
        title_feminine_es="Directora General",
        title_masculine_es="Director General",
    )
    PositionFactory(unit=first, order=1, in_leadership_team=True, title_en="Head of First")
    AppointmentFactory(
        position=director,
        person=PersonFactory(name="Anton Antes", slug="anton", title_form="masculine"),
        start_date=datetime.date(2018, 10, 1),
        end_date=datetime.date(2023, 9, 30),
    )
    AppointmentFactory(
        position=director,
        person=PersonFactory(name="Amy Pope", slug="amy-pope", title_form="feminine"),
        start_date=datetime.date(2023, 10, 1),
    )
    ProfileFactory()
    return office


class TestAddresses:
    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize(
        ("name", "kwargs"),
        [
            ("who-we-are", {}),
            ("structure", {}),
            ("unit", {"slug": "office"}),
            ("person", {"slug": "amy-pope"}),
        ],
    )
    def test_every_page_has_an_address_in_each_language(
        self, client, organisation, name, kwargs, language
    ):
        address = url(name, language, **kwargs)
        assert address.startswith(f"/{language}/")
        assert f'<html lang="{language}" dir="ltr">' in html_of(client, address)

    @pytest.mark.parametrize("name", ["unit", "person"])
    def test_an_unknown_slug_is_a_404(self, client, name):
        assert client.get(url(name, slug="nobody-here")).status_code == 404


class TestWhoWeAre:
    @pytest.mark.parametrize(
        ("language", "mission", "title"),
        [
            ("fr", "L&#x27;OIM promeut une migration humaine et ordonnée.", "Directrice générale"),
            ("en", "IOM promotes humane and orderly migration.", "Director General"),
            ("es", "La OIM promueve una migración humana y ordenada.", "Directora General"),
        ],
    )
    def test_the_profile_and_the_leadership_in_each_language(
        self, client, organisation, language, mission, title
    ):
        html = html_of(client, url("who-we-are", language))
        assert mission in html
        assert title in html
        for figure in ("1951", "175", "171"):
            assert f"<dd>{figure}</dd>" in html

    def test_the_figures_say_when_they_were_checked(self, client, organisation):
        assert "Figures checked on 23 May 2024." in html_of(client, url("who-we-are"))

    def test_the_leadership_shows_current_holders_only(self, client, organisation):
        html = html_of(client, url("who-we-are"))
        assert '<a href="/en/who-we-are/people/amy-pope/">Amy Pope</a>' in html
        assert "Anton Antes" not in html

    def test_a_post_without_a_holder_reads_vacant(self, client, organisation):
        html = html_of(client, url("who-we-are"))
        assert "Head of First" in html
        assert '<span class="vacant">Vacant</span>' in html

    def test_leaders_are_in_the_order_of_the_structure(self, client, organisation):
        leaders = client.get(url("who-we-are")).context["leaders"]
        assert [position.title_en for position in leaders] == ["Director General", "Head of First"]

    def test_the_page_works_before_anything_is_entered(self, client):
        assert "Who we are" in html_of(client, url("who-we-are"))


class TestStructure:
    def test_every_unit_is_listed_under_the_one_it_reports_to(self, client, organisation):
        around = TreeLinks(html_of(client, url("structure"))).around
        assert around == {
            "DG's Office": [],
            "First division": ["DG's Office"],
            "Team under the first": ["DG's Office", "First division"],
            "Second division": ["DG's Office"],
        }

    def test_siblings_are_in_their_order_and_link_to_their_pages(self, client, organisation):
        html = html_of(client, url("structure"))
        assert html.index("First division") < html.index("Second division")
        assert '<a href="/en/who-we-are/structure/first/">First division</a>' in html

    def test_names_are_in_the_readers_language(self, client, organisation):
        assert "Oficina del DG" in html_of(client, url("structure", "es"))
        assert "Bureau du DG" in html_of(client, url("structure", "fr"))

    def test_lists_are_balanced_whatever_the_shape(self, client):
        top = UnitFactory()
        deep = UnitFactory(parent=top)
        for _ in range(6):
            deep = UnitFactory(parent=deep)
        UnitFactory(parent=top)
        UnitFactory()
        html = html_of(client, url("structure"))
        tree_html = html[html.index('<ul class="org-tree') : html.index("</main>")]
        assert tree_html.count("<ul") == tree_html.count("</ul>") == 8
        assert tree_html.count("<li>") == tree_html.count("</li>") == 10


class TestUnitPage:
    def test_the_page_shows_posts_holders_and_sub_units(self, client, organisation):
        html = html_of(client, url("unit", slug="office"))
        assert "<h1>DG&#x27;s Office</h1>" in html
        assert "Director General" in html and "Amy Pope" in html and "Anton Antes" not in html
        assert "Since 1 October 2023" in html
        around = TreeLinks(html).around
        assert around["Team under the first"] == ["First division"]

    def test_the_breadcrumb_leads_up_the_tree(self, client, organisation):
        html = html_of(client, url("unit", slug="team"))
        crumbs = html[
            html.index('class="breadcrumb"') : html.index(
                "</nav>", html.index('class="breadcrumb"')
            )
        ]
        assert (
            crumbs.index("Structure")
            < crumbs.index("DG&#x27;s Office")
            < crumbs.index("First division")
        )

    def test_the_mandate_is_sanitised_and_shown_in_the_readers_language(self, client):
        UnitFactory(
            slug="legal",
            mandate_fr="<p>Conseil juridique.</p><script>x()</script>",
            mandate_en='<p onclick="x()">Legal advice.</p>',
        )
        assert "<p>Legal advice.</p>" in html_of(client, url("unit", "en", slug="legal"))
        spanish = html_of(client, url("unit", "es", slug="legal"))
        assert '<div class="rich-text unit__mandate" lang="fr"><p>Conseil juridique.</p></div>' in (
            spanish
        )

    def test_holders_on_a_past_date(self, client, organisation):
        html = html_of(client, url("unit", slug="office") + "?on=2023-05-01")
        assert "Anton Antes" in html and "Amy Pope" not in html
        assert "Posts and their holders on 1 May 2023" in html
        assert "From 1 October 2018 to 30 September 2023" in html

    @pytest.mark.parametrize("on", ["yesterday", "2023-13-01", "99999-01-01", "1" * 500, "\ufffd"])
    def test_a_malformed_date_is_a_400_that_says_why(self, client, organisation, on):
        response = client.get(url("unit", slug="office"), {"on": on})
        assert response.status_code == 400
        assert "Enter a date such as 2023-05-01." in response.content.decode()

    def test_a_nul_byte_is_a_400_too(self, client, organisation):
        assert client.get(url("unit", slug="office"), {"on": "\x00"}).status_code == 400

    def test_only_published_releases_of_the_unit_are_listed_five_at_most(
        self, client, organisation
    ):
        office = Unit.objects.get(slug="office")
        now = timezone.now()
        for day in range(1, 7):
            PressReleaseFactory(
                issuing_unit=office,
                title_fr=f"Publié {day}",
                published_at=now - datetime.timedelta(days=day),
            )
        PressReleaseFactory(issuing_unit=office, title_fr="Brouillon", draft=True)
        PressReleaseFactory(
            issuing_unit=office,
            title_fr="Sous embargo",
            published_at=now + datetime.timedelta(hours=1),
        )
        PressReleaseFactory(title_fr="D'un autre bureau")
        response = client.get(url("unit", "fr", slug="office"))
        assert [r.title_fr for r in response.context["releases"]] == [
            f"Publié {day}" for day in range(1, 6)
        ]


class TestPersonPage:
    def test_current_and_past_posts_with_their_dates(self, client, organisation):
        person = PersonFactory(name="Rita Reyes", slug="rita", biography_en="<p>A career.</p>")
        AppointmentFactory(
            person=person,
            position=PositionFactory(title_en="Adviser"),
            start_date=datetime.date(2015, 3, 1),
            end_date=datetime.date(2019, 12, 31),
        )
        AppointmentFactory(
            person=person,
            position=PositionFactory(title_en="Director 2"),
            start_date=datetime.date(2020, 1, 1),
            interim=True,
        )
        response = client.get(url("person", slug="rita"))
        html = response.content.decode()
        assert [a.position.title_en for a in response.context["current"]] == ["Director 2"]
        assert [a.position.title_en for a in response.context["past"]] == ["Adviser"]
        assert "From 1 March 2015 to 31 December 2019" in html
        assert "Since 1 January 2020" in html
        assert "ad interim" in html
        assert "<p>A career.</p>" in html

    def test_the_releases_that_quote_them_published_only(self, client, organisation):
        amy = organisation.positions.get().appointments.current().get().person
        quoting(amy, title_fr="Elle a dit")
        quoting(amy, title_fr="Pas encore", draft=True)
        html = html_of(client, url("person", "fr", slug="amy-pope"))
        assert "Elle a dit" in html and "Pas encore" not in html


class TestReleasePage:
    def test_a_release_links_to_its_office_and_the_people_it_quotes(self, client, organisation):
        amy = organisation.positions.get().appointments.current().get().person
        release = quoting(amy, issuing_unit=organisation)
        html = html_of(client, release.get_absolute_url("fr"))
        assert '<a href="/fr/qui-sommes-nous/structure/office/">Bureau du DG</a>' in html
        assert '<a href="/fr/qui-sommes-nous/personnes/amy-pope/">Amy Pope</a>' in html


def grow(top, fan_outs, prefix, first=1):
    """A tree in a few queries: `fan_outs[i]` sub-units under each unit of the level above,
    numbered from `first` under `top`."""
    level = [top]
    for depth, fan_out in enumerate(fan_outs):
        units = [
            Unit(
                parent=parent,
                position=(first if depth == 0 else 1) + place,
                slug=f"{prefix}-{depth}-{index}-{place}",
                name_fr=f"Unité {index}.{place}",
                name_en=f"Unit {index}.{place}",
                name_es=f"Unidad {index}.{place}",
            )
            for index, parent in enumerate(level)
            for place in range(fan_out)
        ]
        level = Unit.objects.bulk_create(units)
    return level


def staff(person, units, releases):
    """`person` holds a leadership post in each unit; `releases` from the first unit quote them."""
    for unit in units:
        AppointmentFactory(
            person=person, position=PositionFactory(unit=unit, in_leadership_team=True)
        )
    for _ in range(releases):
        quoting(person, issuing_unit=units[0], topics=[TopicFactory()])


class TestQueryCounts:
    """Each page costs as many queries for 3 units as for 459, for a shallow tree as a deep one."""

    @pytest.fixture(autouse=True)
    def no_page_cache(self, settings):
        settings.PAGE_CACHE_SECONDS = 0  # the second request must make the page again

    PAGES = {
        "who-we-are": lambda: url("who-we-are"),
        "structure": lambda: url("structure"),
        "unit": lambda: url("unit", slug="top"),
        "person": lambda: url("person", slug="someone"),
    }

    @pytest.mark.parametrize("page", PAGES)
    def test_a_page_needs_a_fixed_number_of_queries_whatever_the_size_of_the_tree(
        self, client, page, django_assert_max_num_queries, django_assert_num_queries
    ):
        ProfileFactory()
        top = UnitFactory(slug="top")
        person = PersonFactory(slug="someone")
        staff(person, [top, *grow(top, [2], "small")[:1]], releases=1)
        html_of(client, self.PAGES[page]())  # builds the pieces every page shares (the menu)
        with django_assert_max_num_queries(20) as small:
            html_of(client, self.PAGES[page]())
        count = len(small.captured_queries)

        units = grow(top, [8, 7, 7], "big", first=10)
        staff(person, [top, *units[:5]], releases=12)
        assert Unit.objects.count() == 459
        html_of(client, self.PAGES[page]())  # the new releases' topics, made without the notice
        with django_assert_num_queries(count):
            html_of(client, self.PAGES[page]())

    @pytest.mark.parametrize("page", ["structure", "unit"])
    def test_depth_does_not_change_the_count(
        self, client, page, django_assert_max_num_queries, django_assert_num_queries
    ):
        top = UnitFactory(slug="top")
        [child] = grow(top, [1], "shallow")
        html_of(client, self.PAGES[page]())  # builds the pieces every page shares (the menu)
        with django_assert_max_num_queries(20) as shallow:
            html_of(client, self.PAGES[page]())
        for _ in range(60):
            child = UnitFactory(parent=child)
        with django_assert_num_queries(len(shallow.captured_queries)):
            html = html_of(client, self.PAGES[page]())
        assert child.name_en in html


class TestTitlesFollowTheHolder:
    """The fixture's post: “Directeur général ou directrice générale” as its own title, with
    feminine and masculine forms in French and Spanish; Anton Antes (masculine) held it until
    30 September 2023, Amy Pope (feminine) since."""

    @pytest.mark.parametrize(
        ("language", "feminine", "masculine"),
        [
            ("fr", "Directrice générale", "Directeur général"),
            ("en", "Director General", "Director General"),
            ("es", "Directora General", "Director General"),
        ],
    )
    def test_each_holder_s_page_shows_the_title_in_their_form(
        self, client, organisation, language, feminine, masculine
    ):
        amy = html_of(client, url("person", language, slug="amy-pope"))
        anton = html_of(client, url("person", language, slug="anton"))
        assert f'<p class="person__post">{feminine}</p>' in amy
        assert f'<span class="appointment__title">{masculine}</span>' in anton
        assert "ou directrice" not in amy + anton and "Director o" not in amy + anton

    @pytest.mark.parametrize(
        ("language", "today", "in_2023"),
        [
            ("fr", "Directrice générale", "Directeur général"),
            ("es", "Directora General", "Director General"),
        ],
    )
    def test_a_unit_s_page_gives_current_and_past_holders_their_own_form(
        self, client, organisation, language, today, in_2023
    ):
        current = html_of(client, url("unit", language, slug="office"))
        past = html_of(client, url("unit", language, slug="office") + "?on=2023-05-01")
        assert f'<h3 class="person-card__title">{today}</h3>' in current
        assert f'<h3 class="person-card__title">{in_2023}</h3>' in past

    def test_who_we_are_and_the_structure_use_the_holder_s_form(self, client, organisation):
        assert "Directrice générale" in html_of(client, url("who-we-are", "fr"))
        structure = html_of(client, url("structure", "fr"))
        assert '<span class="post-holder__title">Directrice générale</span>' in structure

    def test_a_neutral_holder_and_a_vacant_post_show_the_post_s_own_title(self, client):
        post = PositionFactory(
            title_fr="Chef ou cheffe de cabinet",
            title_feminine_fr="Cheffe de cabinet",
            title_masculine_fr="Chef de cabinet",
            unit=UnitFactory(slug="cabinet"),
        )
        html = html_of(client, url("unit", "fr", slug="cabinet"))
        assert '<h3 class="person-card__title">Chef ou cheffe de cabinet</h3>' in html
        AppointmentFactory(position=post, person=PersonFactory(slug="sam"))  # neutral by default
        assert "Chef ou cheffe de cabinet" in html_of(client, url("person", "fr", slug="sam"))

    def test_a_missing_form_falls_back_to_the_post_s_own_title_in_that_language(self, client):
        """English has no feminine title here: never the French one in its place."""
        post = PositionFactory(title_feminine_fr="Directrice", title_en="Director")
        person = PersonFactory(title_form="feminine")
        assert post.title_for(person, "en") == "Director"
        assert post.title_for(person, "fr") == "Directrice"


class TestStructureHolders:
    def test_each_post_is_shown_with_its_current_holder(self, client, organisation):
        html = html_of(client, url("structure"))
        assert '<a class="post-holder__name" href="/en/who-we-are/people/amy-pope/">' in html
        assert "Anton Antes" not in html
        assert "Posts are shown with their current holders." in html

    def test_a_post_without_a_holder_reads_vacant(self, client, organisation):
        html = html_of(client, url("structure"))
        head_of_first = html[html.index("Head of First") :]
        assert head_of_first.index('<span class="vacant">Vacant</span>') < head_of_first.index(
            "</li>"
        )
        assert "portrait--vacant" in html

    def test_holders_on_a_past_date(self, client, organisation):
        html = html_of(client, url("structure") + "?on=2023-05-01")
        assert "Anton Antes" in html and "Amy Pope" not in html
        assert "Posts are shown with their holders on 1 May 2023." in html
        assert '<meta name="robots" content="noindex">' in html

    def test_a_malformed_date_is_a_400_that_says_why(self, client, organisation):
        response = client.get(url("structure"), {"on": "2023-02-30"})
        assert response.status_code == 400
        assert "Enter a date such as 2023-05-01." in response.content.decode()

    def test_the_page_reads_the_holders_in_a_fixed_number_of_queries(
        self, client, organisation, django_assert_max_num_queries
    ):
        for _ in range(5):
            AppointmentFactory(
                position=PositionFactory(unit=UnitFactory(parent=Unit.objects.get(slug="office")))
            )
        with django_assert_max_num_queries(12):
            html_of(client, url("structure"))
