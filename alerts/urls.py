from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "alerts"

ALERTS = _("email-alerts/")
CONFIRM = format_lazy("{}{}", ALERTS, _("confirm/"))
MANAGE = format_lazy("{}{}", ALERTS, _("manage/"))
UNSUBSCRIBE = format_lazy("{}{}", ALERTS, _("unsubscribe/"))
# Followed by a signed link's token (links.py), taken out of every log line (apps.py).
TOKEN_ADDRESSES = (CONFIRM, MANAGE, UNSUBSCRIBE)

urlpatterns = [
    path(ALERTS, views.subscribe, name="subscribe"),
    path(format_lazy("{}{}", ALERTS, _("check-your-inbox/")), views.sent, name="sent"),
    path(format_lazy("{}<str:token>/", CONFIRM), views.confirm, name="confirm"),
    path(format_lazy("{}<str:token>/", MANAGE), views.manage, name="manage"),
    path(format_lazy("{}<str:token>/{}", MANAGE, _("export/")), views.export, name="export"),
    path(format_lazy("{}<str:token>/", UNSUBSCRIBE), views.unsubscribe, name="unsubscribe"),
]
