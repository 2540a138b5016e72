"""Whatever the query string, the list, the feed and the API answer without a server error."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

ADDRESSES = ["/fr/communiques/", "/en/press-releases/feed/", "/es/comunicados/api/"]
NAMES = [
    "q",
    "topic",
    "match",
    "from",
    "to",
    "year",
    "month",
    "language",
    "sort",
    "page",
    "kind",
    "office",
    "event",
    "utm_source",
]

values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "climate",
            "health",
            "2024",
            "2024-02-30",
            "all",
            "any",
            "en",
            "relevance",
            "0",
            "-1",
            "1e9",
            "9" * 30,
            "x" * 10_000,
            "\x00",
            "'; DROP TABLE x; --",
            '"unclosed',
            "a & !b | (c",
            "<script>",
            "%",
            "%ff",
            "\ud7ff",
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
encoded_pair = st.tuples(st.one_of(st.sampled_from(NAMES), st.text(max_size=10)), values).map(
    lambda pair: f"{quote(pair[0], safe='')}={quote(pair[1], safe='')}"
)
raw_pair = st.binary(max_size=12).map(lambda raw: "q=" + "".join(f"%{b:02x}" for b in raw))
query_strings = st.lists(st.one_of(encoded_pair, raw_pair, st.text(max_size=20)), max_size=8).map(
    "&".join
)


@pytest.fixture
def newsroom():
    climate = TopicFactory(slug="climate")
    TopicFactory(slug="health")
    PressReleaseFactory.create_batch(3, topics=[climate], english=True)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(address=st.sampled_from(ADDRESSES), query=query_strings)
def test_no_query_string_makes_a_server_error(client, newsroom, address, query):
    response = client.get(f"{address}?{query}")
    if response.status_code == 302:  # the page's clean permalink, which answers at once
        assert response["Location"].startswith(address)
        response = client.get(response["Location"])
        assert response.status_code != 302, (address, query)
    assert response.status_code < 500, (address, query)
    assert response.status_code in (200, 400, 404), (address, query)
