"""A release becoming public → one outbox row per matching subscription → one email each.

The worker's tasks run here in this process, as db_worker runs them (conftest.run_tasks), with
Django's test mailbox; test_worker.py does it again with a real worker and SMTP server."""

import datetime
import smtplib
import zoneinfo

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from alerts import services
from alerts.models import Address, Announcement, Delivery, Subscription
from pressroom import services as pressroom_services
from pressroom.models import PressRelease
from tests.factories import PressReleaseFactory, TopicFactory

from .conftest import run_tasks

pytestmark = pytest.mark.django_db
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://www.iom.example"


def publish(release, user):
    pressroom_services.release_set_status(
        releases=PressRelease.objects.filter(pk=release.pk), status="published", user=user
    )


def draft(**kwargs):
    return PressReleaseFactory(draft=True, published_at=timezone.now(), **kwargs)


class TestPublishingNow:
    def test_one_email_per_matching_subscription_in_its_language(self, confirmed, publisher):
        climate = TopicFactory(slug="climate", name_fr="Climat", name_es="Clima")
        spanish = confirmed("topic=climate", email="ana@example.org", language="es")
        confirmed("topic=climate", email="luc@example.org", language="fr")
        confirmed("kind=statement", email="other@example.org")
        release = draft(
            topics=[climate], spanish=True, title_es="Sequía en el Sahel", title_fr="Sécheresse"
        )
        publish(release, publisher)
        assert mail.outbox == []  # nothing in the publishing request
        run_tasks()
        assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "luc@example.org"]
        message = next(m for m in mail.outbox if m.to == ["ana@example.org"])
        assert message.subject == "OIM: Sequía en el Sahel"
        assert "Un nuevo comunicado de la OIM corresponde a su alerta: Clima." in message.body
        assert "https://www.iom.example/es/comunicados/" in message.body
        html = message.alternatives[0][0]
        assert '<html lang="es">' in html
        assert '<article class="release-summary">' in html  # the site's own summary
        assert "<img" not in html
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert unsubscribe.startswith("<https://www.iom.example/es/alertas-correo/baja/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert Delivery.objects.get(subscription=spanish).state == "sent"

    def test_a_release_not_in_the_subscriptions_language_is_marked_as_the_site_marks_it(
        self, confirmed, publisher
    ):
        confirmed("", language="en")
        publish(draft(title_fr="Seulement en français"), publisher)
        run_tasks()
        (message,) = mail.outbox
        assert message.subject == "IOM: Seulement en français"
        assert "Available in French only." in message.body
        assert '<h3 class="release-summary__title" lang="fr">' in message.alternatives[0][0]

    def test_unconfirmed_and_paused_addresses_get_nothing(self, client, confirmed, publisher):
        from .conftest import subscribe

        paused = confirmed("", email="paused@example.org")
        Address.objects.filter(pk=paused.address_id).update(paused_at=timezone.now())
        subscribe(client, email="pending@example.org")
        run_tasks()
        mail.outbox.clear()
        publish(draft(), publisher)
        run_tasks()
        assert mail.outbox == []

    def test_publishing_again_or_saving_never_sends_twice(self, confirmed, publisher):
        confirmed("")
        release = draft()
        publish(release, publisher)
        run_tasks()
        pressroom_services.release_set_status(
            releases=PressRelease.objects.filter(pk=release.pk), status="draft", user=publisher
        )
        publish(release, publisher)
        release.refresh_from_db()
        release.title_fr = "Titre corrigé"
        pressroom_services.release_save(release=release, user=publisher)
        services.announce_due()
        run_tasks()
        assert len(mail.outbox) == 1
        assert Delivery.objects.count() == 1

    def test_the_outbox_refuses_a_second_row_for_the_same_release_and_subscription(self, confirmed):
        from django.db import IntegrityError

        subscription = confirmed("")
        release = PressReleaseFactory()
        Delivery.objects.create(release=release, subscription=subscription, due_at=timezone.now())
        with pytest.raises(IntegrityError):
            Delivery.objects.create(
                release=release, subscription=subscription, due_at=timezone.now()
            )


class TestEmbargo:
    def test_a_scheduled_release_leads_to_nothing_before_its_minute_and_one_email_at_it(
        self, confirmed, publisher, clock
    ):
        now = timezone.now()
        clock(now)
        confirmed("")
        release = draft()
        release.published_at = now + datetime.timedelta(hours=2)
        release.status = "published"
        pressroom_services.release_save(release=release, user=publisher)
        run_tasks()
        assert mail.outbox == []
        clock(now + datetime.timedelta(hours=2) - datetime.timedelta(seconds=1))
        run_tasks()
        assert mail.outbox == []
        clock(now + datetime.timedelta(hours=2))
        run_tasks()
        assert len(mail.outbox) == 1

    def test_published_and_unpublished_before_its_minute_sends_nothing(
        self, confirmed, publisher, clock
    ):
        now = timezone.now()
        clock(now)
        confirmed("")
        release = draft()
        release.published_at = now + datetime.timedelta(hours=1)
        release.status = "published"
        pressroom_services.release_save(release=release, user=publisher)
        pressroom_services.release_set_status(
            releases=PressRelease.objects.filter(pk=release.pk), status="draft", user=publisher
        )
        clock(now + datetime.timedelta(hours=3))
        run_tasks()
        assert mail.outbox == []
        assert Announcement.objects.get().done_at is None

    def test_an_embargo_moved_later_sends_at_the_new_minute(self, confirmed, publisher, clock):
        now = timezone.now()
        clock(now)
        confirmed("")
        release = draft()
        release.published_at, release.status = now + datetime.timedelta(hours=1), "published"
        pressroom_services.release_save(release=release, user=publisher)
        release.refresh_from_db()
        release.published_at = now + datetime.timedelta(hours=5)
        pressroom_services.release_save(release=release, user=publisher)
        clock(now + datetime.timedelta(hours=2))
        run_tasks()
        assert mail.outbox == []
        clock(now + datetime.timedelta(hours=5))
        run_tasks()
        assert len(mail.outbox) == 1


class TestDigests:
    def test_a_daily_digest_lists_the_days_releases_in_order_at_eight_in_geneva(
        self, confirmed, publisher, clock
    ):
        monday_ten = datetime.datetime(2030, 3, 4, 10, 0, tzinfo=GENEVA)
        clock(monday_ten)
        confirmed("", frequency="daily", language="en")
        first = draft(english=True, title_en="First")
        second = draft(english=True, title_en="Second")
        publish(first, publisher)
        clock(monday_ten + datetime.timedelta(hours=3))
        publish(second, publisher)
        run_tasks()
        assert mail.outbox == []
        clock(datetime.datetime(2030, 3, 5, 8, 0, tzinfo=GENEVA))
        run_tasks()
        (message,) = mail.outbox
        assert message.subject == "IOM: 2 new press releases (All press releases)"
        assert message.body.index("First") < message.body.index("Second")

    @pytest.mark.parametrize(
        ("frequency", "at", "expected"),
        [
            ("daily", (2030, 3, 4, 7, 59), (2030, 3, 4, 8, 0)),
            ("daily", (2030, 3, 4, 8, 0), (2030, 3, 5, 8, 0)),
            ("daily", (2030, 3, 30, 12, 0), (2030, 3, 31, 8, 0)),  # the night clocks go forward
            ("weekly", (2030, 3, 4, 7, 0), (2030, 3, 4, 8, 0)),  # a Monday
            ("weekly", (2030, 3, 4, 9, 0), (2030, 3, 11, 8, 0)),
            ("weekly", (2030, 3, 8, 9, 0), (2030, 3, 11, 8, 0)),
        ],
    )
    def test_digest_times_are_in_geneva_time(self, frequency, at, expected):
        due = services.digest_time(frequency, datetime.datetime(*at, tzinfo=GENEVA))
        assert due == datetime.datetime(*expected, tzinfo=GENEVA)
        assert timezone.localtime(due).hour == 8


class FailingBackend:
    """An email backend whose SMTP server answers with `error` (None: accepts)."""

    error = None
    sent = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if FailingBackend.error is not None:
            raise FailingBackend.error
        FailingBackend.sent.extend(messages)
        return len(messages)

    def open(self):
        return False

    def close(self):
        pass


class TestFailures:
    @pytest.fixture
    def confirmed(self, confirmed, settings):
        """Confirmed through the test mailbox; then the SMTP server is FailingBackend."""

        def make(*args, **kwargs):
            settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
            subscription = confirmed(*args, **kwargs)
            FailingBackend.error, FailingBackend.sent = None, []
            settings.EMAIL_BACKEND = "tests.alerts.test_sending.FailingBackend"
            return subscription

        return make

    def test_a_temporary_error_is_tried_again_with_back_off(self, confirmed, publisher, clock):
        now = timezone.now()
        clock(now)
        confirmed("")
        FailingBackend.error = smtplib.SMTPServerDisconnected("gone")
        publish(draft(), publisher)
        run_tasks()
        delivery = Delivery.objects.get()
        assert (delivery.state, delivery.attempts) == ("pending", 1)
        wait = delivery.due_at - now  # the clock runs on from `now`
        assert datetime.timedelta(seconds=60) <= wait < datetime.timedelta(seconds=65)
        FailingBackend.error = None
        clock(now + datetime.timedelta(seconds=61))
        run_tasks()
        assert len(FailingBackend.sent) == 1
        assert Delivery.objects.get().state == "sent"

    def test_a_server_that_is_down_costs_one_attempt_not_one_per_reader(self, confirmed, publisher):
        for n in range(6):
            confirmed("", email=f"reader{n}@example.org")
        FailingBackend.error = ConnectionRefusedError(111, "Connection refused")
        publish(draft(), publisher)
        run_tasks()  # the two tasks the publication queued: each stops at its first failure
        attempts = sorted(Delivery.objects.values_list("attempts", flat=True))
        assert attempts == [0, 0, 0, 0, 1, 1]
        assert set(Delivery.objects.values_list("state", flat=True)) == {"pending"}

    def test_a_permanent_error_is_recorded_and_three_in_a_row_pause_the_address(
        self, confirmed, publisher
    ):
        subscription = confirmed("")
        FailingBackend.error = smtplib.SMTPRecipientsRefused(
            {"journalist@example.org": (550, b"No such user")}
        )
        for _n in range(3):
            publish(draft(), publisher)
            run_tasks()
        assert list(Delivery.objects.values_list("state", flat=True)) == ["failed"] * 3
        assert "No such user" in Delivery.objects.first().error
        address = Address.objects.get(pk=subscription.address_id)
        assert address.bounces == 3 and address.paused_at is not None
        publish(draft(), publisher)
        run_tasks()
        assert Delivery.objects.count() == 3  # a paused address matches nothing

    def test_given_up_after_the_last_retry(self, confirmed, publisher, clock):
        now = timezone.now()
        clock(now)
        confirmed("")
        FailingBackend.error = smtplib.SMTPResponseException(451, b"try later")
        publish(draft(), publisher)
        for delay in [0, 60, 300, 1800, 7200, 21600]:
            now += datetime.timedelta(seconds=delay + 1)
            clock(now)
            run_tasks()
        delivery = Delivery.objects.get()
        assert (delivery.state, delivery.attempts) == ("failed", 6)
        assert Address.objects.get().paused_at is None  # not the address's fault


@pytest.mark.skipif(connection.vendor != "postgresql", reason="matching words: PostgreSQL")
class TestMatchingMeansWhatTheFinderMeans:
    """For every filter, the subscriptions a release matches are those whose finder list (the
    page, the feed, the API) shows the release."""

    FILTERS = [
        "",
        "topic=climate",
        "topic=climate&topic=health",
        "topic=climate&topic=health&match=any",
        "kind=statement",
        "language=en",
        "language=es",
        "q=inondations",
        "q=flooding&language=en",
        "q=flooding&language=fr",
        'q="sahel drought"',
        "q=sécheresse -sahel",
        "topic=health&kind=statement&language=en",
    ]

    def test_sql_matching_equals_the_finders_filter(self, publisher):
        from alerts import filters
        from alerts.matching import matching_subscriptions

        climate = TopicFactory(slug="climate")
        health = TopicFactory(slug="health")
        address = Address.objects.create(email="m@example.org")
        for query in self.FILTERS:
            form = filters.finder_form(query)
            assert form.is_valid(), (query, form.errors)
            subscription = Subscription.objects.create(
                address=address,
                query=filters.canonical_query(form),
                language="fr",
                confirmed_at=timezone.now() - datetime.timedelta(days=1),
                **filters.columns(form),
            )
            subscription.topics.create(topic=climate) if "climate" in query else None
            subscription.topics.create(topic=health) if "health" in query else None
        releases = [
            PressReleaseFactory(topics=[climate], title_fr="Inondations au Mozambique"),
            PressReleaseFactory(
                topics=[climate, health],
                english=True,
                title_en="Flooding and health",
                kind="statement",
            ),
            PressReleaseFactory(
                topics=[health],
                spanish=True,
                title_es="Sequía",
                lead_fr="La sécheresse au Sahel",
                body_en=None,
            ),
            PressReleaseFactory(english=True, lead_en="The Sahel drought deepens."),
            PressReleaseFactory(title_fr="Sécheresse ailleurs", kind="briefing-note"),
        ]
        for release in releases:
            by_sql = set(
                matching_subscriptions(release, timezone.now()).values_list("query", flat=True)
            )
            by_finder = set()
            for subscription in Subscription.objects.all():
                form = filters.finder_form(subscription.query)
                assert form.is_valid()
                if form.filtered(PressRelease.objects.filter(pk=release.pk)).exists():
                    by_finder.add(subscription.query)
            assert by_sql == by_finder, release.title_fr

    def test_one_query_finds_them_whatever_their_number(self, django_assert_max_num_queries):
        from alerts.matching import matching_subscriptions

        address = Address.objects.create(email="n@example.org")
        Subscription.objects.bulk_create(
            Subscription(
                address=address,
                query=f"q=word{n}",
                words=f"word{n}",
                language="fr",
                confirmed_at=timezone.now(),
            )
            for n in range(300)
        )
        release = PressReleaseFactory(title_fr="word7 word8")
        with django_assert_max_num_queries(2):  # the release's topics, then the match
            found = list(matching_subscriptions(release, timezone.now()).values_list("words"))
        assert sorted(found) == [("word7",), ("word8",)]
