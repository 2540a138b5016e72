"""What every ModelAdmin does: malformed initial values ignored, the page cache cleared (once per
save: the admins that save through a service are counted in the tests of their app)."""

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.urls import reverse

from core import public_cache as page_cache
from tests.core.notices import public_page_notices
from tests.factories import EventFactory, SeriesFactory, UnitFactory
from tests.pressroom.admin_forms import form_data

ADMINS = sorted((model._meta.app_label, model._meta.model_name) for model in admin.site._registry)
BAD_VALUES = ["abc", "2024-13-45", "1,x", "-1", "\u00e9" * 300]


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_an_add_page_ignores_values_its_fields_cannot_take(admin_client, app, model):
    url = reverse(f"admin:{app}_{model}_add")
    response = admin_client.get(url)
    # The profile is a single row: once it exists, its add page is refused (403), never a 500.
    expected = response.status_code
    names = response.context["adminform"].form.fields if expected == 200 else ["name", "id"]
    for value in BAD_VALUES:
        query = "&".join(f"{name}={value}" for name in names)
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code == expected, (app, model, value)


def test_a_value_the_field_takes_is_kept(admin_client):
    series = SeriesFactory()
    url = reverse("admin:events_event_add") + f"?series={series.pk}"
    form = admin_client.get(url).context["adminform"].form
    assert form.initial["series"] == str(series.pk)


def test_a_malformed_value_is_dropped_from_the_form(admin_client):
    url = reverse("admin:pressroom_pressrelease_add") + "?event=abc&status=draft"
    form = admin_client.get(url).context["adminform"].form
    assert "event" not in form.initial
    assert form.initial["status"] == "draft"


@pytest.mark.django_db(transaction=True)
def test_renaming_an_office_in_the_admin_clears_the_press_rooms_page_cache(admin_client):
    unit = UnitFactory()
    before = cache.get(page_cache.GENERATION_KEY)
    url = reverse("admin:organisation_unit_change", args=[unit.pk])
    data = form_data(admin_client.get(url), name_en="Renamed office")
    assert admin_client.post(url, data).status_code == 302
    assert cache.get(page_cache.GENERATION_KEY) not in (None, before)


@pytest.mark.django_db(transaction=True)
def test_deleting_an_event_in_the_admin_clears_the_press_rooms_page_cache(admin_client):
    event = EventFactory()
    page_cache.clear()
    before = cache.get(page_cache.GENERATION_KEY)
    url = reverse("admin:events_event_delete", args=[event.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert cache.get(page_cache.GENERATION_KEY) != before


def test_a_plain_edit_and_a_deletion_in_the_admin_each_tell_the_caches_once(admin_client):
    series = SeriesFactory()
    url = reverse("admin:events_series_change", args=[series.pk])
    data = form_data(admin_client.get(url), name_en="Renamed series")
    with public_page_notices() as edited:
        assert admin_client.post(url, data).status_code == 302
    event = EventFactory()
    with public_page_notices() as deleted:
        response = admin_client.post(
            reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert (len(edited), len(deleted)) == (1, 1)
