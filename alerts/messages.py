"""The emails: plain text and HTML, in the subscription's language, from the site's summaries.

The releases are written by pressroom/summaries.py, as on the site: the HTML part is its
markup (`summaries_html`, images left out), the text part its values (`summary_rows`), each
release in the subscription's language or in its original one, marked. No remote images, no
tracking: the links are the pages' own addresses. Every alert carries the links to manage the
address's alerts and to leave this one, and the RFC 8058 one-click unsubscribe headers.

A Renderer keeps what many messages share (the same releases in the same language, a filter's
description) for one batch of a worker.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, ngettext

from pressroom.models import PressRelease
from pressroom.summaries import summaries_html, summary_rows

from . import filters, links
from .models import Frequency


class Renderer:
    def __init__(self):
        self._releases = {}
        self._descriptions = {}

    def releases(self, release_ids, language):
        key = (tuple(release_ids), language)
        if key not in self._releases:
            rows = PressRelease.objects.filter(pk__in=release_ids).order_by("published_at", "pk")
            options = {"language": language, "origin": settings.SITE_URL, "with_images": False}
            self._releases[key] = (summaries_html(rows, **options), summary_rows(rows, **options))
        return self._releases[key]

    def description(self, query, language):
        if (query, language) not in self._descriptions:
            self._descriptions[query, language] = filters.describe(query, language)
        return self._descriptions[query, language]

    def message(self, subscription, release_ids, *, message_id):
        language = subscription.language
        html, rows = self.releases(release_ids, language)
        with translation.override(language):
            description = self.description(subscription.query, language)
            if subscription.frequency == Frequency.IMMEDIATELY:
                subject = gettext("IOM: %(title)s") % {"title": rows[0].title}
                intro = gettext("A new IOM press release matches your alert: %(filter)s.")
            else:
                subject = ngettext(
                    "IOM: %(count)d new press release (%(filter)s)",
                    "IOM: %(count)d new press releases (%(filter)s)",
                    len(rows),
                ) % {"count": len(rows), "filter": description}
                intro = gettext("New IOM press releases that match your alert: %(filter)s.")
            context = {
                "language": language,
                "subject": subject,
                "intro": intro % {"filter": description},
                "summaries_html": html,
                "summaries": rows,
                "list_url": filters.list_url(subscription.query, language, settings.SITE_URL),
                "manage_url": links.url("manage", subscription.address, language),
                "unsubscribe_url": links.url("unsubscribe", subscription, language),
            }
            text = render_to_string("alerts/email/alert.txt", context)
            body_html = render_to_string("alerts/email/alert.html", context)
        headers = {
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"IOM press releases <alerts.{_host()}>",
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
            # Made from the outbox row: the same message, if ever sent twice, has the same id.
            "Message-ID": f"<alert-{message_id}@{_host()}>",
        }
        return _email(subject, text, body_html, subscription.address.email, headers)

    def confirmation(self, subscription):
        language = subscription.language
        with translation.override(language):
            description = self.description(subscription.query, language)
            subject = gettext("Confirm your IOM email alert")
            context = {
                "language": language,
                "subject": subject,
                "description": description,
                "frequency": Frequency(subscription.frequency).label,
                "confirm_url": links.url("confirm", subscription, language),
                "days": settings.ALERTS["CONFIRM_DAYS"],
            }
            text = render_to_string("alerts/email/confirm.txt", context)
            body_html = render_to_string("alerts/email/confirm.html", context)
        headers = {"Auto-Submitted": "auto-generated", "Content-Language": language}
        return _email(subject, text, body_html, subscription.address.email, headers)


def _email(subject, text, html, to, headers):
    message = EmailMultiAlternatives(subject, text, to=[to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def _host():
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
