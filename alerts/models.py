"""What email alerts keep: an address, its subscriptions, and the state of each message.

Nothing else about a subscriber is stored (no name, no IP address, no opens or clicks). Removing
an address's last subscription deletes the address (services.py).
"""

import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.translated import LANGUAGE_CODES
from pressroom.models import PressRelease, ReleaseKind, Topic


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Address(models.Model):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    # Part of every signed link to this address's pages: changing it voids the links sent.
    key = models.CharField(max_length=20, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Permanent delivery failures in a row; at ALERTS["BOUNCES_TO_PAUSE"] the address is paused.
    bounces = models.PositiveSmallIntegerField(_("failures in a row"), default=0)
    paused_at = models.DateTimeField(
        _("paused"),
        null=True,
        blank=True,
        help_text=_("Nothing is sent to a paused address: its mail kept bouncing."),
    )

    class Meta:
        verbose_name = _("subscriber address")
        verbose_name_plural = _("subscriber addresses")
        ordering = ["email"]
        # Only whoever answers data-subject requests sees who subscribed (admin.py).
        permissions = [("see_subscriber_addresses", _("Can see subscribers’ addresses"))]
        constraints = [
            # Stored as services.normalise_email() writes it, so one address is one row.
            models.CheckConstraint(
                condition=Q(email__contains="@") & Q(email=Lower("email")),
                name="alerts_address_normalised",
            ),
        ]

    def __str__(self):
        return self.email


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As soon as a release is public")
    DAILY = "daily", _("Once a day")
    WEEKLY = "weekly", _("Once a week")


class Subscription(models.Model):
    """One finder filter that an address follows, in one language, at one frequency.

    `query` is the finder's cleaned query string (filters.py); the filter's fields are copied
    into columns so that the subscriptions a release matches are found in SQL (matching.py)."""

    Frequency = Frequency

    address = models.ForeignKey(Address, on_delete=models.CASCADE, related_name="subscriptions")
    query = models.CharField(_("filter"), max_length=1000, blank=True)
    language = models.CharField(_("language of the emails"), max_length=5)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    # The filter, as columns (see filters.py for the meaning of each, the finder's).
    words = models.CharField(max_length=200, blank=True)
    match_any = models.BooleanField(default=False)
    topic_count = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, blank=True)
    office = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    available_in = models.CharField(max_length=5, blank=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("email alert")
        verbose_name_plural = _("email alerts")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["confirmed_at"], condition=Q(confirmed_at__isnull=False), name="alert_live"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["address", "query"], name="alert_one_per_filter"),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="alert_language_valid"
            ),
            models.CheckConstraint(
                condition=Q(available_in__in=["", *LANGUAGE_CODES]), name="alert_available_in_valid"
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="alert_frequency_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["", *ReleaseKind.values]), name="alert_kind_valid"
            ),
        ]

    def __str__(self):
        return self.query or "*"


class SubscriptionTopic(models.Model):
    """A topic of a subscription's filter. A deleted topic takes its row: `topic_count` then
    stays higher than the rows left, so an “all these topics” filter matches nothing rather
    than more."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "topic"], name="alert_topic_once")
        ]
        indexes = [models.Index(fields=["topic", "subscription"], name="alert_topic_lookup")]

    def __str__(self):
        return f"{self.subscription_id}: {self.topic_id}"


class Announcement(models.Model):
    """A release that is to become public, and whether its messages have been written.

    Planned by pressroom.services (publication.py) when a release is published or scheduled;
    done once, by the worker, at or after `due_at`, if the release is public then."""

    release = models.OneToOneField(PressRelease, on_delete=models.CASCADE, related_name="+")
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    matched = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [
            models.Index(fields=["due_at"], condition=Q(done_at=None), name="announcement_pending")
        ]

    def __str__(self):
        return f"{self.release_id} @ {self.due_at:%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """The outbox: one release for one subscription, sent once (the unique constraint), alone or
    in the subscription's digest at `due_at`."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="+")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    due_at = models.DateTimeField()  # not before: the digest's time, or the next attempt's
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "subscription"], name="delivery_once_per_release"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "sent", "failed"]), name="delivery_state_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_at", "subscription"],
                condition=Q(state="pending"),
                name="delivery_due",
            ),
            models.Index(fields=["subscription", "state"], name="delivery_by_subscription"),
        ]

    def __str__(self):
        return f"{self.release_id} → {self.subscription_id} ({self.state})"
