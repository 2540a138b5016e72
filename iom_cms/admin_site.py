"""The admin site: Django's, with two-factor login (TOTP codes from an authenticator app).

Two-factor login is optional for staff: whoever has set up a device must give a code with the
password. With settings.OTP_REQUIRED_FOR_SUPERUSERS on, a superuser without a verified device
cannot use the admin at all. Staff set up their device at <admin>/two-factor/.
settings.INSTALLED_APPS names iom_cms.apps.AdminConfig, which makes this `admin.site`.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import held_uploads
from core.admin_mixins import CheckedInitialData, ClearsPublicPages, KeepsUploads
from core.privacy import needs_second_factor, passed_second_factor


def verify_code(user, code):
    """The user's confirmed device that accepts `code`, or None (devices throttle failures)."""
    for device in devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(code):
            return device
    return None


class LoginForm(AdminAuthenticationForm):
    """The admin login with a code field, required from users who need a second factor."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you have set up two-factor login."),
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not needs_second_factor(user):
            return
        if not user_has_device(user, confirmed=True):
            raise forms.ValidationError(
                _(
                    "Superusers must use two-factor login. Ask another superuser to set up a "
                    "device for you (see the README)."
                ),
                code="otp_required",
            )
        code = (self.cleaned_data.get("otp_token") or "").replace(" ", "")
        if not code:
            raise forms.ValidationError(
                _("Enter the code from your authenticator app."), code="otp_token_required"
            )
        device = verify_code(user, code)
        if device is None:
            raise forms.ValidationError(
                _("This code is wrong or has expired. Wait for the next one and try again."),
                code="otp_token_invalid",
            )
        # django_otp marks the session as verified when Django logs the user in.
        user.otp_device = device


class AutocompleteView(AutocompleteJsonView):
    """Django's autocomplete, whose suggestions a model admin may label with more than the
    object's name: its `autocomplete_label(obj)`, when it has one."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = str(label(obj))
        return result


class SiteAdmin(admin.AdminSite):
    login_form = LoginForm
    login_template = "admin/login_with_code.html"
    # Named after the organisation, in the reader's language (the admin follows the browser's).
    site_header = _("IOM administration")
    site_title = _("IOM administration")
    index_title = _("Site administration")

    def autocomplete_view(self, request):
        return AutocompleteView.as_view(admin_site=self)(request)

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return passed_second_factor(request.user)

    def register(self, model_or_iterable, admin_class=None, **options):
        # Every ModelAdmin here ignores malformed initial values in the address, clears the
        # public page cache when it changes anything and keeps uploads of a refused form
        # (admin_mixins).
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, CheckedInitialData):
            admin_class = type(
                admin_class.__name__,
                (CheckedInitialData, ClearsPublicPages, KeepsUploads, admin_class),
                {},
            )
        super().register(model_or_iterable, admin_class, **options)

    def get_urls(self):
        return [
            path("two-factor/", self.admin_view(self.two_factor_view), name="two_factor"),
            path(
                "held-upload/<str:token>/",
                self.admin_view(held_uploads.preview),
                name="held_upload",
            ),
            *super().get_urls(),
        ]

    def two_factor_view(self, request):
        """Set up two-factor login for oneself: scan the code, confirm with a first code."""
        user = request.user
        confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = confirmed or TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        form = TwoFactorSetupForm(request.POST or None)
        if not confirmed and request.method == "POST" and form.is_valid():
            code = form.cleaned_data["otp_token"].replace(" ", "")
            if device.verify_token(code):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                messages.success(request, _("Two-factor login is on for your account."))
                return redirect("admin:index")
            form.add_error("otp_token", _("This code is wrong or has expired."))
        context = {
            **self.each_context(request),
            "title": _("Two-factor login"),
            "device": device,
            "confirmed": confirmed is not None,
            "form": form,
            "qr_code": None if confirmed else qr_svg(device.config_url),
            "secret": None if confirmed else device_secret(device),
        }
        return TemplateResponse(request, "admin/two_factor.html", context)


class TwoFactorSetupForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def qr_svg(data):
    """An inline SVG QR code: no image address that could leak the secret to a log."""
    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    svg = out.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - generated by qrcode, no user input


def device_secret(device):
    """The key in base32, grouped by four, for apps where the code cannot be scanned."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
