from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "alerts"

ALERTS = _("email-alerts/")

urlpatterns = [
    path(ALERTS, views.subscribe, name="subscribe"),
    path(format_lazy("{}{}", ALERTS, _("check-your-inbox/")), views.sent, name="sent"),
    path(format_lazy("{}{}<str:token>/", ALERTS, _("confirm/")), views.confirm, name="confirm"),
    path(format_lazy("{}{}<str:token>/", ALERTS, _("manage/")), views.manage, name="manage"),
    path(
        format_lazy("{}{}<str:token>/{}", ALERTS, _("manage/"), _("export/")),
        views.export,
        name="export",
    ),
    path(
        format_lazy("{}{}<str:token>/", ALERTS, _("unsubscribe/")),
        views.unsubscribe,
        name="unsubscribe",
    ),
]
