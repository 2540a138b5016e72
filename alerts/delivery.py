"""Sending what is due: one subscription at a time, locked, over one SMTP connection.

Each message is its own transaction: the subscription's row is locked (SKIP LOCKED, so workers
share the outbox without waiting for each other), its due rows are read, the message is handed
to the SMTP server, and the rows are marked sent before the lock is let go. A worker killed
before the server accepted a message leaves its rows pending, and the next worker sends them;
the one window for a second copy is a kill between the server's "250 OK" and the commit, a
few milliseconds (each message carries a Message-ID made from its outbox row, by which mail
servers can tell a repeat).

An immediate subscription gets one message per release; a digest, all its releases due.
"""

import logging
import smtplib

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from pressroom.models import PressRelease

from . import messages, services
from .models import Announcement, Delivery, Frequency, Subscription

logger = logging.getLogger(__name__)
CANDIDATES = 100  # more than workers ever run at once
SERVER_UNAVAILABLE = object()


def due(now):
    return Delivery.objects.filter(state=Delivery.State.PENDING, due_at__lte=now)


def anything_due(now):
    return due(now).exists() or Announcement.objects.filter(done_at=None, due_at__lte=now).exists()


def deliver_due(limit=None):
    """Send every message due (or `limit` of them); returns how many were sent."""
    renderer = messages.Renderer()
    connection = get_connection()
    sent = 0
    try:
        while limit is None or sent < limit:
            outcome = _deliver_one(connection, renderer)
            if outcome is None or outcome is SERVER_UNAVAILABLE:
                # Nothing due; or the server fails everyone: the rest waits for the retry (or
                # the lease's task) rather than each message counting an attempt.
                break
            sent += outcome
    finally:
        connection.close()
    return sent


@transaction.atomic
def _deliver_one(connection, renderer):
    """Send one message; None when nothing is due, SERVER_UNAVAILABLE after a temporary
    failure, else how many were sent (0 or 1)."""
    now = timezone.now()
    # The next due rows, on the outbox's partial index (sent rows leave it), give the
    # candidates; the first one no other worker holds is locked.
    candidates = due(now).order_by("due_at").values("subscription_id")[:CANDIDATES]
    found = list(
        Subscription.objects.filter(pk__in=candidates, address__paused_at=None)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("address")
        .order_by()[:1]
    )
    if not found:
        return None
    subscription = found[0]
    public = PressRelease.objects.published(at=now).filter(pk=OuterRef("release_id"))
    rows = list(
        due(now)
        .filter(subscription=subscription)
        .annotate(public=Exists(public))
        .order_by("due_at", "release_id")
        .values_list("pk", "release_id", "public")
    )
    withdrawn = [pk for pk, _release_id, is_public in rows if not is_public]
    if withdrawn:  # unpublished since it was announced
        services.deliveries_withdrawn(deliveries=Delivery.objects.filter(pk__in=withdrawn))
    rows = [(pk, release_id) for pk, release_id, is_public in rows if is_public]
    if subscription.frequency == Frequency.IMMEDIATELY:
        rows = rows[:1]
    if not rows:
        return 0
    ids = [pk for pk, _release_id in rows]
    release_ids = [release_id for _pk, release_id in rows]
    chosen = Delivery.objects.filter(pk__in=ids)
    message = renderer.message(subscription, release_ids, message_id=min(ids))
    try:
        connection.open()  # once per batch: send_messages() alone would connect per message
        connection.send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        permanent = _permanent(error)
        logger.warning(
            "alert to subscription %s failed (%s): %s",
            subscription.pk,
            "permanent" if permanent else "will retry",
            error,
        )
        connection.close()  # opened again for the next message
        services.deliveries_failed(
            deliveries=chosen, address=subscription.address, error=str(error), permanent=permanent
        )
        return 0 if permanent else SERVER_UNAVAILABLE
    services.deliveries_sent(deliveries=chosen, address=subscription.address)
    return 1


def _permanent(error):
    """A 5xx about the recipient or the message; not one about our sender or the connection."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPSenderRefused):
        return False
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def send_confirmation(subscription_id):
    """The one email an unconfirmed address may get; a temporary failure is tried again."""
    subscription = Subscription.objects.select_related("address").filter(pk=subscription_id).first()
    if subscription is None or subscription.confirmed_at is not None:
        return False
    message = messages.Renderer().confirmation(subscription)
    message.send()
    return True
