"""The admin's protections: lockout, two-factor login, sessions, its address, redirects, rights
and CSRF."""

import importlib

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches, reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, PressReleaseFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def log_in(client, username, password=PASSWORD, ip="198.51.100.1", headers=None, **fields):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/", **fields},
        REMOTE_ADDR=ip,
        headers=headers,
    )


def code_for(device):
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token())


@pytest.fixture
def staff():
    return StaffUserFactory(username="amina")


@pytest.fixture
def chief():
    return StaffUserFactory(username="chief", superuser=True)


class TestLockout:
    def test_five_failures_lock_that_username_from_that_address(self, client, staff):
        for _ in range(4):
            assert log_in(client, "amina", "wrong").status_code == 200
        fifth = log_in(client, "amina", "wrong")
        assert fifth.status_code == 429
        assert "Trop de tentatives de connexion échouées" in fifth.content.decode()
        assert log_in(client, "amina").status_code == 429  # even with the right password

    def test_the_same_username_from_another_address_is_not_locked(self, client, staff):
        for _ in range(5):
            log_in(client, "amina", "wrong", ip="198.51.100.66")
        assert log_in(client, "amina", ip="198.51.100.1").status_code == 302

    def test_another_username_from_the_attackers_address_is_not_locked(self, client, staff):
        StaffUserFactory(username="bruno")
        for _ in range(5):
            log_in(client, "amina", "wrong")
        assert log_in(client, "bruno").status_code == 302

    def test_the_address_is_read_from_the_proxys_header(self, client, staff, settings):
        settings.CLIENT_IP_HEADER = "X-Real-IP"
        for _ in range(5):
            log_in(client, "amina", "wrong", ip="172.18.0.2", headers={"x-real-ip": "203.0.113.9"})
        # Same proxy, another visitor: not locked. The attacker is.
        assert (
            log_in(
                client, "amina", ip="172.18.0.2", headers={"x-real-ip": "203.0.113.10"}
            ).status_code
            == 302
        )
        client.logout()
        assert (
            log_in(
                client, "amina", ip="172.18.0.2", headers={"x-real-ip": "203.0.113.9"}
            ).status_code
            == 429
        )

    def test_an_administrator_unlocks_a_username(self, client, staff):
        for _ in range(5):
            log_in(client, "amina", "wrong")
        call_command("axes_reset_username", "amina", verbosity=0)
        assert log_in(client, "amina").status_code == 302


class TestTwoFactorLogin:
    def test_staff_without_a_device_log_in_with_their_password(self, client, staff):
        assert log_in(client, "amina").status_code == 302

    def test_staff_with_a_device_must_give_its_code(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
        response = log_in(client, "amina")
        assert response.status_code == 200
        assert "Saisissez le code de votre application d&#x27;authentification." in (
            response.content.decode()
        )
        assert log_in(client, "amina", otp_token="000000").status_code == 200
        device.refresh_from_db()
        device.throttle_reset()  # a failure makes the next try wait a second
        response = log_in(client, "amina", otp_token=code_for(device))
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200

    def test_superusers_need_a_device_when_settings_say_so(self, client, chief, settings):
        settings.OTP_REQUIRED_FOR_SUPERUSERS = False
        assert log_in(client, "chief").status_code == 302
        settings.OTP_REQUIRED_FOR_SUPERUSERS = True
        # The session opened without a code no longer opens the admin.
        assert client.get("/admin/").status_code == 302
        client.logout()
        response = log_in(client, "chief")
        assert response.status_code == 200
        assert "Les superutilisateurs doivent utiliser la connexion à deux facteurs" in (
            response.content.decode()
        )
        device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)
        assert log_in(client, "chief", otp_token=code_for(device)).status_code == 302
        assert client.get("/admin/").status_code == 200

    def test_staff_set_up_their_device_in_the_admin(self, client, staff):
        client.force_login(staff)
        page = client.get(reverse("admin:two_factor"))
        assert page.status_code == 200
        assert 'class="two-factor-qr"><svg' in page.content.decode()
        device = TOTPDevice.objects.get(user=staff)
        assert not device.confirmed
        wrong = client.post(reverse("admin:two_factor"), {"otp_token": "123456"})
        assert "Ce code est erroné ou a expiré." in wrong.content.decode()
        device.refresh_from_db()
        device.throttle_reset()
        response = client.post(reverse("admin:two_factor"), {"otp_token": code_for(device)})
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        # From now on the password alone is not enough.
        client.logout()
        assert log_in(client, "amina").status_code == 200

    def test_the_setup_page_never_shows_the_key_of_a_confirmed_device(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
        log_in(client, "amina", otp_token=code_for(device))
        html = client.get(reverse("admin:two_factor")).content.decode()
        assert "two-factor-qr" not in html
        assert device.key not in html


class TestSessions:
    def test_a_staff_session_lasts_eight_hours(self, client, staff):
        log_in(client, "amina")
        assert client.session.get_expiry_age() == 8 * 60 * 60

    def test_changing_the_password_ends_the_other_sessions(self, client, staff):
        other_browser = Client()
        log_in(client, "amina")
        log_in(other_browser, "amina")
        assert other_browser.get("/admin/").status_code == 200
        response = client.post(
            "/admin/password_change/",
            {
                "old_password": PASSWORD,
                "new_password1": "another-long-pass-9",
                "new_password2": "another-long-pass-9",
            },
        )
        assert response.status_code == 302
        assert other_browser.get("/admin/").status_code == 302  # back to the login page
        assert client.get("/admin/").status_code == 200  # the one who changed it stays in

    def test_logging_out_ends_the_session(self, client, staff):
        log_in(client, "amina")
        client.post("/admin/logout/")
        assert client.get("/admin/").status_code == 302


def test_the_admin_is_served_under_the_path_from_settings(client, staff, settings):
    import iom_cms.urls

    settings.ADMIN_URL = "office/"
    try:
        clear_url_caches()
        importlib.reload(iom_cms.urls)
        client.force_login(staff)
        assert client.get("/office/").status_code == 200
        assert client.get("/admin/", follow=True).status_code == 404
        assert reverse("admin:index") == "/office/"
    finally:
        settings.ADMIN_URL = "admin/"
        importlib.reload(iom_cms.urls)
        clear_url_caches()


class TestOpenRedirects:
    @pytest.mark.parametrize(
        "target",
        [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "https:evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
        ],
    )
    def test_login_refuses_to_send_the_user_elsewhere(self, client, staff, target):
        response = log_in(client, "amina", next=target)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"

    def test_login_keeps_a_local_next(self, client, staff):
        response = log_in(client, "amina", next="/admin/pressroom/pressrelease/")
        assert response["Location"] == "/admin/pressroom/pressrelease/"

    def test_the_next_parameter_is_escaped_in_the_form(self, client):
        html = client.get(LOGIN, {"next": '"><script>alert(1)</script>'}).content.decode()
        assert "<script>alert(1)</script>" not in html


def admin_urls(model):
    opts = model._meta
    return [
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_add"),
    ]


def models_outside(app_label):
    return [model for model in admin.site._registry if model._meta.app_label != app_label]


def test_an_editor_cannot_reach_the_admin_of_models_they_have_no_right_to(editor_client):
    for model in models_outside("pressroom"):
        for url in admin_urls(model):
            assert editor_client.get(url).status_code == 403, url
    assert editor_client.get("/admin/pressroom/pressrelease/").status_code == 200


class TestCSRF:
    @pytest.fixture
    def strict_client(self, chief):
        client = Client(enforce_csrf_checks=True)
        client.force_login(chief)
        return client

    def test_every_admin_add_form_needs_the_csrf_token(self, strict_client):
        for model in admin.site._registry:
            url = admin_urls(model)[1]
            assert strict_client.post(url, {}).status_code == 403, url

    def test_change_delete_and_actions_need_the_csrf_token(self, strict_client):
        release = PressReleaseFactory()
        base = f"/admin/pressroom/pressrelease/{release.pk}"
        for url in (f"{base}/change/", f"{base}/delete/", "/admin/pressroom/pressrelease/"):
            assert strict_client.post(url, {"post": "yes"}).status_code == 403, url

    @pytest.mark.parametrize(
        "url",
        [
            "/admin/login/",
            "/admin/logout/",
            "/admin/password_change/",
            "/admin/two-factor/",
        ],
    )
    def test_the_account_forms_need_the_csrf_token(self, strict_client, url):
        assert strict_client.post(url, {}).status_code == 403

    def test_a_form_with_its_token_passes(self, strict_client):
        page = strict_client.get("/admin/password_change/")
        token = page.context["csrf_token"]
        response = strict_client.post("/admin/password_change/", {"csrfmiddlewaretoken": token})
        assert response.status_code == 200  # the form's own errors, not a 403


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "Administration de l&#x27;OIM"),
        ("en", "IOM administration"),
        ("es", "Administración de la OIM"),
    ],
)
def test_the_admin_is_named_after_the_organisation_in_each_language(admin_client, language, name):
    html = admin_client.get("/admin/", headers={"accept-language": language}).content.decode()
    assert f'<a href="/admin/">{name}</a>' in html
    assert f"| {name}</title>" in html
    assert "Django" not in html.split("<body", 1)[1].split('id="content"', 1)[0]
