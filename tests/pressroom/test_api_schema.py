"""The JSON API's schema, published beside it: every kind of real answer conforms to it."""

import jsonschema
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import CorrectionFactory, PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db


def url(name, language="fr"):
    with translation.override(language):
        return reverse(f"pressroom:{name}")


@pytest.fixture
def validator(client):
    response = client.get(url("api-schema", "en"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    schema = response.json()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_schema_is_served_beside_the_api_in_every_language(client):
    for language in ("fr", "en", "es"):
        address = url("api-schema", language)
        assert address == url("api", language) + "schema.json"
        schema = client.get(address).json()
        assert schema["$id"] == f"http://testserver{address}"
        assert schema["$defs"]["language"]["enum"] == ["fr", "en", "es"]


def test_an_api_answer_names_its_schema(client):
    response = client.get(url("api"))
    assert (
        response["Link"] == '<http://testserver/fr/communiques/api/schema.json>; rel="describedby"'
    )


def test_a_page_of_releases_conforms(client, validator):
    topic = TopicFactory(slug="climate")
    PressReleaseFactory(topics=[topic], english=True, spanish=True)
    CorrectionFactory(release=PressReleaseFactory(original_language="fr"))
    PressReleaseFactory.create_batch(20)
    for language in ("fr", "en", "es"):
        answer = client.get(url("api", language)).json()
        assert answer["next"] and len(answer["results"]) == 20
        validator.validate(answer)
        validator.validate(client.get(url("api", language), {"page": 2}).json())
    validator.validate(client.get(url("api"), {"topic": "climate"}).json())


def test_an_answer_with_words_and_their_passage_conforms(client, validator):
    PressReleaseFactory(body_fr="<p>Les inondations ont déplacé 3 000 familles.</p>")
    answer = client.get(url("api"), {"q": "inondations"}).json()
    assert "passage" in answer["results"][0]
    validator.validate(answer)


def test_an_empty_answer_and_the_errors_conform(client, validator):
    validator.validate(client.get(url("api"), {"year": "1960"}).json())
    refused = client.get(url("api"), {"from": "2024-02-30", "month": "13"})
    assert refused.status_code == 400
    validator.validate(refused.json())
    missing = client.get(url("api"), {"page": "9"})
    assert missing.status_code == 404
    validator.validate(missing.json())


def test_the_schema_refuses_an_answer_that_breaks_it(client, validator):
    PressReleaseFactory()
    answer = client.get(url("api")).json()
    del answer["results"][0]["title"]
    answer["results"][0]["published_at"] = "23 May 2024"
    errors = {error.validator for error in validator.iter_errors(answer)}
    assert errors == {"oneOf"}
    release_errors = list(
        validator.evolve(schema=validator.schema["$defs"]["release"]).iter_errors(
            answer["results"][0]
        )
    )
    # "format" too where jsonschema can check date-times (rfc3339-validator, which moto brings
    # into the dev environment): the pattern refuses it either way.
    assert {error.validator for error in release_errors} - {"format"} == {"required", "pattern"}
