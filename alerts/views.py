"""The subscriber's pages: subscribe, check your inbox, confirm, manage, export, unsubscribe.

No account: each page after the first is reached by a signed link from an email (links.py), and
shows an address only to whoever holds one. Nothing here is cached, and every answer to bad
input is a page that says what went wrong (400, 404, 410, 429), never a 500.
"""

import json

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.client import client_ip

from . import filters, limits, links, services
from .forms import ChangeForm, SubscribeForm


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """“Get emails” for the finder's filter in the query string (the list the reader was on)."""
    finder = filters.finder_form(request.GET)
    if not finder.is_valid():
        errors = [error for errors in finder.errors.values() for error in errors]
        return _notice(
            request,
            gettext("This filter cannot be followed"),
            errors,
            status=400,
            link=(gettext("Back to the press releases"), filters.list_url("", _language())),
        )
    query = filters.canonical_query(finder)
    context = {
        "description": finder.description or gettext("All press releases"),
        "list_url": filters.list_url(query, _language()),
        "dates_left_out": filters.has_left_out(request.GET),
    }
    if request.method == "GET":
        form = SubscribeForm(initial={"language": _language()})
        return render(request, "alerts/subscribe.html", {**context, "form": form})
    if not limits.allow("ip", client_ip(request)):
        return _too_many(request)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {**context, "form": form}, status=400)
    if form.cleaned_data["website"]:
        return redirect("alerts:sent")  # a robot: answered as anyone, and nothing is sent
    email = services.normalise_email(form.cleaned_data["email"])
    if not limits.allow("email", email):
        return _too_many(request)
    services.subscription_request(
        form=finder,
        email=email,
        frequency=form.cleaned_data["frequency"],
        language=form.cleaned_data["language"],
    )
    return redirect("alerts:sent")


@never_cache
def sent(request):
    return _notice(
        request,
        gettext("Check your inbox"),
        [
            gettext(
                "If the address can receive alerts, an email with a link to confirm is on its "
                "way. Nothing is sent until you confirm."
            )
        ],
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: a mail scanner that follows links confirms nothing."""
    try:
        subscription = links.read("confirm", token)
    except links.LinkExpired:
        return _link_problem(request, expired=True)
    except links.LinkInvalid:
        return _link_problem(request)
    if request.method == "POST":
        services.subscription_confirm(subscription=subscription)
    context = {
        "subscription": subscription,
        "description": filters.describe(subscription.query, _language()),
        "confirmed": subscription.confirmed_at is not None,
        "manage_url": links.url("manage", subscription.address, _language()),
    }
    return render(request, "alerts/confirm.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        address = links.read("manage", token)
    except links.LinkInvalid:
        return _link_problem(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete-all":
            services.address_delete(address=address)
            return _notice(request, gettext("Your alerts are deleted"), [_gone_text()])
        subscription = address.subscriptions.filter(pk=_int(request.POST.get("subscription")))
        subscription = subscription.first()
        if subscription is None:
            return _notice(
                request, gettext("No such alert"), [gettext("Reload the page.")], status=400
            )
        if action == "remove":
            if services.subscription_remove(subscription=subscription):
                return _notice(request, gettext("Your alerts are deleted"), [_gone_text()])
        elif action == "change":
            form = ChangeForm(request.POST)
            if not form.is_valid():
                return _notice(request, gettext("This change cannot be made"), [], status=400)
            services.subscription_change(subscription=subscription, **form.cleaned_data)
        else:
            return _notice(request, gettext("No such action"), [], status=400)
        return redirect(request.path)
    rows = [
        {
            "subscription": subscription,
            "description": filters.describe(subscription.query, _language()),
            "list_url": filters.list_url(subscription.query, _language()),
            "form": ChangeForm(
                initial={"frequency": subscription.frequency, "language": subscription.language},
                auto_id=f"id_%s_{subscription.pk}",
            ),
        }
        for subscription in address.subscriptions.all()
    ]
    context = {"address": address, "rows": rows, "token": token}
    return render(request, "alerts/manage.html", context)


@never_cache
def export(request, token):
    """Everything kept about the address, as JSON (a data-subject request)."""
    try:
        address = links.read("manage", token)
    except links.LinkInvalid:
        return _link_problem(request)
    body = json.dumps(services.address_export(address=address), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="iom-email-alerts.json"'
    return response


@never_cache
@csrf_exempt  # RFC 8058: the mail client POSTs with no cookie; the signed link is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscription = links.read("unsubscribe", token)
    except links.LinkGone:
        return _notice(request, gettext("This alert is stopped"), [_gone_text()])
    except links.LinkInvalid:
        return _link_problem(request)
    if request.method == "POST":
        services.subscription_remove(subscription=subscription)
        return _notice(request, gettext("This alert is stopped"), [_gone_text()])
    context = {"description": filters.describe(subscription.query, _language())}
    return render(request, "alerts/unsubscribe.html", context)


def _language():
    return translation.get_language()


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _gone_text():
    return gettext("You will get no more emails for it.")


def _notice(request, title, paragraphs, status=200, link=None):
    context = {"title": title, "paragraphs": paragraphs, "link": link}
    return render(request, "alerts/notice.html", context, status=status)


def _link_problem(request, expired=False):
    if expired:
        text = gettext("This confirmation link has expired. Subscribe again to get a new one.")
        return _notice(request, gettext("This link has expired"), [text], status=410)
    text = gettext("This link is not valid. Use the link from the latest email exactly as sent.")
    return _notice(request, gettext("This link is not valid"), [text], status=404)


def _too_many(request):
    text = gettext("Too many requests for email alerts: please try again in an hour.")
    return _notice(request, gettext("Too many requests"), [text], status=429)
