"""Email alerts' writes: subscribing, confirming, leaving, and the outbox.

- `subscription_request()`   a subscribe form sent: a pending subscription, its confirmation
                             queued (at most once per ALERTS["RESEND_MINUTES"])
- `subscription_confirm()`, `subscription_change()`, `subscription_remove()`
- `address_delete()`, `address_export()`   a data-subject request, for one address
- `announcement_plan()`      a release published or scheduled (pressroom/publication.py)
- `announce_due()`           the worker: the releases public now and not announced yet get one
                             outbox row per matching subscription, in the transaction that saw
                             them public (the unique constraint makes a second pass a no-op)
- `deliveries_sent()`, `deliveries_failed()`   what the SMTP server said (delivery.py)

A release published and unpublished before its minute is never announced: `announce_due()`
asks `PressRelease.objects.published(at)` with the release's row locked, at that minute.
"""

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from pressroom.finder import ReleaseFilterForm
from pressroom.models import PressRelease

from . import filters, tasks
from .matching import matched
from .models import Address, Announcement, Delivery, Frequency, Subscription, SubscriptionTopic

BATCH = 2000


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def subscription_request(
    *, form: ReleaseFilterForm, email: str, frequency: str, language: str
) -> Subscription:
    """A subscription to the filter of the valid finder `form`, pending until confirmed.

    Asking again for the same filter finds the same row; its confirmation is sent again only
    if the last one left more than ALERTS["RESEND_MINUTES"] ago. A confirmed subscription is
    left as it is, and nothing is sent: the form never changes what a subscriber confirmed.
    """
    address, _created = Address.objects.get_or_create(email=normalise_email(email))
    query = filters.canonical_query(form)
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        address=address,
        query=query,
        defaults={"language": language, "frequency": frequency, **filters.columns(form)},
    )
    if created:
        SubscriptionTopic.objects.bulk_create(
            SubscriptionTopic(subscription=subscription, topic=topic) for topic in form.topics
        )
    if subscription.confirmed_at is not None:
        return subscription
    now = timezone.now()
    resend_after = datetime.timedelta(minutes=settings.ALERTS["RESEND_MINUTES"])
    sent = subscription.confirmation_sent_at
    if sent is None or now - sent >= resend_after:
        subscription.language, subscription.frequency = language, frequency
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["language", "frequency", "confirmation_sent_at"])
        tasks.send_confirmation.enqueue(subscription.pk)
    return subscription


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> Subscription:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def subscription_change(*, subscription: Subscription, frequency: str, language: str) -> None:
    subscription.frequency, subscription.language = frequency, language
    subscription.full_clean(validate_unique=False)
    subscription.save(update_fields=["frequency", "language"])


@transaction.atomic
def subscription_remove(*, subscription: Subscription) -> bool:
    """Delete the subscription, and its address with its last one; True if the address went."""
    address = Address.objects.select_for_update().get(pk=subscription.address_id)
    subscription.delete()
    if not address.subscriptions.exists():
        address.delete()
        return True
    return False


@transaction.atomic
def address_delete(*, address: Address) -> None:
    """Everything kept about the address: its subscriptions and their messages go with it."""
    address.delete()


def address_export(*, address: Address) -> dict[str, Any]:
    """Everything kept about the address, as plain values (a data-subject request)."""
    return {
        "email": address.email,
        "created_at": address.created_at.isoformat(),
        "paused_at": address.paused_at.isoformat() if address.paused_at else None,
        "failures_in_a_row": address.bounces,
        "subscriptions": [
            {
                "filter": subscription.query,
                "language": subscription.language,
                "frequency": subscription.frequency,
                "created_at": subscription.created_at.isoformat(),
                "confirmed_at": _iso(subscription.confirmed_at),
                "messages": [
                    {
                        "release": delivery.release_id,
                        "state": delivery.state,
                        "due_at": delivery.due_at.isoformat(),
                        "sent_at": _iso(delivery.sent_at),
                        "attempts": delivery.attempts,
                        "error": delivery.error,
                    }
                    for delivery in subscription.deliveries.order_by("due_at", "pk")
                ],
            }
            for subscription in address.subscriptions.order_by("created_at", "pk")
        ],
    }


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def unconfirmed_expired_delete(*, now: datetime.datetime) -> int:
    """Subscriptions never confirmed within the link's life go, and addresses left with none."""
    too_old = now - datetime.timedelta(days=settings.ALERTS["CONFIRM_DAYS"])
    count, _counts = Subscription.objects.filter(confirmed_at=None, created_at__lt=too_old).delete()
    if count:
        Address.objects.filter(~Exists(Subscription.objects.filter(address=OuterRef("pk")))).filter(
            created_at__lt=too_old
        ).delete()
    return count


# --- Releases becoming public -------------------------------------------------------------------


def announcement_plan_on_notice(
    sender: object, release_id: int, at: datetime.datetime, **kwargs: Any
) -> None:
    """Receiver of pressroom.publication's notice; runs in the publishing transaction."""
    announcement_plan(release_id=release_id, at=at)


def announcement_plan(*, release_id: int, at: datetime.datetime) -> None:
    """Announce the release at `at` (or now, if past): the worker is woken then. A release
    announced once is never announced again (unpublished and published again, or moved)."""
    announcement, created = Announcement.objects.select_for_update().get_or_create(
        release_id=release_id, defaults={"due_at": at}
    )
    if announcement.done_at is not None:
        return
    if not created and announcement.due_at != at:
        announcement.due_at = at
        announcement.save(update_fields=["due_at"])
    tasks.wake(at=max(at, timezone.now()))


def announce_due(*, now: datetime.datetime | None = None) -> int:
    """Announce every release whose time has come and that is public; returns how many."""
    count = 0
    while _announce_one(now or timezone.now()):
        count += 1
    return count


@transaction.atomic
def _announce_one(now: datetime.datetime) -> bool:
    public = PressRelease.objects.published(at=now).filter(pk=OuterRef("release_id"))
    announcement = (
        Announcement.objects.filter(done_at=None, due_at__lte=now)
        .filter(Exists(public))
        .select_for_update(skip_locked=True)
        .order_by("due_at", "pk")
        .first()
    )
    if announcement is None:
        return False
    # Locked, then asked again: an unpublish being committed is waited for, and wins.
    release = (
        PressRelease.objects.select_for_update()
        .published(at=now)
        .filter(pk=announcement.release_id)
    ).first()
    if release is not None:
        announcement.matched = _write_outbox(release, now)
    announcement.done_at = now
    announcement.save(update_fields=["done_at", "matched"])
    return True


def _write_outbox(release: PressRelease, now: datetime.datetime) -> int:
    rows = matched(release, now)
    due_times = {frequency: digest_time(frequency, now) for frequency in Frequency.values}
    deliveries = [
        Delivery(release=release, subscription_id=pk, due_at=due_times[frequency])
        for pk, frequency in rows
    ]
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True, batch_size=BATCH)
    for frequency, due_at in due_times.items():
        count = sum(1 for delivery in deliveries if delivery.due_at == due_at)
        if count:
            # Several workers share a large announcement (SKIP LOCKED splits it).
            copies = 1 if frequency != Frequency.IMMEDIATELY else min(4, 1 + count // 500)
            tasks.wake(at=due_at, copies=copies)
    return len(deliveries)


def digest_time(frequency: str, at: datetime.datetime) -> datetime.datetime:
    """When a release that became public at `at` leaves: now, or the next daily or weekly
    digest (ALERTS["DIGEST_HOUR"] in Geneva time; weekly ones on Mondays)."""
    if frequency == Frequency.IMMEDIATELY:
        return at
    local = timezone.localtime(at)
    hour = datetime.time(settings.ALERTS["DIGEST_HOUR"])
    day = local.date()
    if frequency == Frequency.WEEKLY:
        day += datetime.timedelta(days=-day.weekday() % 7)
    step = datetime.timedelta(days=7 if frequency == Frequency.WEEKLY else 1)
    candidate = datetime.datetime.combine(day, hour, tzinfo=local.tzinfo)
    while candidate <= local:
        day += step
        candidate = datetime.datetime.combine(day, hour, tzinfo=local.tzinfo)
    return candidate


# --- What the SMTP server said ------------------------------------------------------------------


def deliveries_sent(*, deliveries: QuerySet[Delivery], address: Address) -> None:
    deliveries.update(state=Delivery.State.SENT, sent_at=timezone.now(), error="")
    if address.bounces:
        Address.objects.filter(pk=address.pk).update(bounces=0)


def deliveries_withdrawn(*, deliveries: QuerySet[Delivery]) -> None:
    """Releases unpublished since they were announced are not sent."""
    deliveries.update(state=Delivery.State.FAILED, error="no longer public")


def deliveries_failed(
    *, deliveries: QuerySet[Delivery], address: Address, error: str, permanent: bool
) -> None:
    """A permanent failure is recorded (and counts towards pausing the address); a temporary
    one is tried again after the next of ALERTS["RETRY_DELAYS"], then given up."""
    now = timezone.now()
    delays = settings.ALERTS["RETRY_DELAYS"]
    for delivery in deliveries:
        delivery.attempts += 1
        delivery.error = error[:500]
        if permanent or delivery.attempts > len(delays):
            delivery.state = Delivery.State.FAILED
        else:
            delivery.due_at = now + datetime.timedelta(seconds=delays[delivery.attempts - 1])
            tasks.wake(at=delivery.due_at)
        delivery.save(update_fields=["attempts", "error", "state", "due_at"])
    if permanent:
        address.bounces += 1
        fields = ["bounces"]
        if address.bounces >= settings.ALERTS["BOUNCES_TO_PAUSE"]:
            address.paused_at = now
            fields.append("paused_at")
            Delivery.objects.filter(
                subscription__address=address, state=Delivery.State.PENDING
            ).update(state=Delivery.State.FAILED, error="address paused")
        address.save(update_fields=fields)
