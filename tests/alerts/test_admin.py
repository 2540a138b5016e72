"""Email alerts in the admin: counts per filter for staff, addresses only with the permission."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from alerts.models import Address, Subscription
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers():
    for n, query in enumerate(["kind=statement", "kind=statement", "language=es"]):
        address = Address.objects.create(email=f"reader{n}@example.org")
        Subscription.objects.create(
            address=address, query=query, language="fr", confirmed_at=timezone.now()
        )
    Subscription.objects.create(address=address, query="kind=statement", language="fr")


def staff(*codenames):
    alerts = Permission.objects.filter(content_type__app_label="alerts")
    return StaffUserFactory(permissions=alerts.filter(codename__in=codenames))


def test_staff_see_counts_per_filter_and_no_address(client, subscribers):
    client.force_login(staff("view_subscription"))
    response = client.get("/admin/alerts/subscription/")
    assert response.status_code == 200
    rows = {row["query"]: row for row in response.context["rows"]}
    assert rows["kind=statement"]["confirmed"] == 2
    assert rows["kind=statement"]["pending"] == 1
    assert "Communiqués en espagnol" in response.text or "espagnol" in response.text
    assert "@example.org" not in response.text
    assert client.get("/admin/alerts/address/").status_code == 403


def test_addresses_need_the_dedicated_permission(client, subscribers):
    client.force_login(staff("view_address", "delete_address"))
    assert client.get("/admin/alerts/address/").status_code == 403
    client.force_login(staff("see_subscriber_addresses", "delete_address"))
    response = client.get("/admin/alerts/address/", {"q": "reader2@example.org"})
    assert response.status_code == 200
    assert "reader2@example.org" in response.text
    assert "reader1@example.org" not in response.text


def test_one_address_is_exported_then_deleted(client, subscribers):
    client.force_login(staff("see_subscriber_addresses", "delete_address"))
    address = Address.objects.get(email="reader2@example.org")
    response = client.post(
        "/admin/alerts/address/", {"action": "export", "_selected_action": [address.pk]}
    )
    (exported,) = json.loads(response.content)
    assert exported["email"] == "reader2@example.org"
    assert len(exported["subscriptions"]) == 2
    response = client.post(f"/admin/alerts/address/{address.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Address.objects.filter(email="reader2@example.org").exists()
    assert Subscription.objects.count() == 2
