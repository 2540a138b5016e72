"""Email alerts at 100,000 subscriptions: matching time, and publication to the last message.

    scripts/pgtest.sh run -- .venv/bin/python bench/alerts.py [--workers 2] [--subscriptions N]

On a throwaway PostgreSQL (pgtest.sh): 100,000 confirmed subscriptions over a realistic mix of
filters (below); the time to find the subscriptions one release matches (median of 20); then
a release that matches 20,000 of them is published, and `manage.py db_worker` processes (as
production runs them) hand the messages to a real SMTP server on 127.0.0.1 (aiosmtpd, which
counts them): the time from the publication's commit to the last message the server accepted,
and messages per second. Figures in bench/README.md.
"""

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iom_cms.test_settings")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd: a line per command

from aiosmtpd.controller import Controller  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from alerts.matching import matched  # noqa: E402
from alerts.models import Address, Delivery, Subscription, SubscriptionTopic  # noqa: E402
from core.translated import LANGUAGE_CODES  # noqa: E402
from organisation.models import Unit  # noqa: E402
from pressroom import services  # noqa: E402
from pressroom.models import PressRelease, Topic  # noqa: E402

WORDS = ["migration", "climat", "santé", "réfugiés", "frontière", "sécheresse", "emploi"]
WORDS_EN = ["migration", "climate", "health", "refugees", "border", "drought", "jobs"]


class Counter:
    def __init__(self):
        self.count = 0
        self.last = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            self.last = time.monotonic()
        return "250 OK"


def make_data(total, matching):
    """`matching` subscriptions that the benchmark's release matches (no filter, its topic,
    French), the rest over filters it does not match (other topics, types, offices, words,
    Spanish), in the proportions of a newsroom's readers."""
    rng = random.Random(1)  # noqa: S311 - variety, not secrets
    topics = [
        Topic.objects.create(slug=f"t{n}", **{f"name_{code}": f"T{n}" for code in LANGUAGE_CODES})
        for n in range(30)
    ]
    units = [
        Unit.objects.create(
            slug=f"u{n}",
            kind="division",
            position=n + 1,
            **{f"name_{code}": f"U{n}" for code in LANGUAGE_CODES},
        )
        for n in range(10)
    ]
    now = timezone.now()
    Address.objects.bulk_create(Address(email=f"reader{n}@example.org") for n in range(total))
    address_ids = list(Address.objects.order_by("pk").values_list("pk", flat=True))
    subscriptions, topic_links = [], []
    for n, address_id in enumerate(address_ids):
        language = rng.choice(LANGUAGE_CODES)
        row = Subscription(
            address_id=address_id, language=language, confirmed_at=now, query=f"n={n}"
        )
        wanted = []
        if n < matching:  # matched: every release; the topic t0; French versions
            kind = n % 3
            if kind == 1:
                wanted = [topics[0]]
            elif kind == 2:
                row.available_in = "fr"
        else:  # not matched by the benchmark's release
            kind = rng.random()
            if kind < 0.45:
                wanted = rng.sample(topics[1:], rng.choice([1, 1, 2]))
                row.match_any = len(wanted) > 1 and rng.random() < 0.5
            elif kind < 0.6:
                row.kind = rng.choice(["statement", "briefing-note", "media-advisory"])
            elif kind < 0.72:
                row.office_id = rng.choice(units[1:]).pk
            elif kind < 0.9:
                row.words = rng.choice(WORDS_EN) + " " + rng.choice(WORDS_EN)
                row.available_in = "en"
            else:
                row.available_in = "es"
        row.topic_count = len(wanted)
        subscriptions.append(row)
        topic_links.append(wanted)
    Subscription.objects.bulk_create(subscriptions, batch_size=5000)
    SubscriptionTopic.objects.bulk_create(
        (
            SubscriptionTopic(subscription=row, topic=topic)
            for row, wanted in zip(subscriptions, topic_links, strict=True)
            for topic in wanted
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return topics, units


def release(topics, units, title):
    made = PressRelease.objects.create(
        title_fr=title,
        slug_fr=title.lower().replace(" ", "-"),
        lead_fr="Les inondations touchent des milliers de familles.",
        dateline_fr="Genève",
        body_fr="<p>" + " ".join(WORDS * 20) + "</p>",
        status="draft",
        original_language="fr",
        issuing_unit=units[0],
        published_at=timezone.now(),
    )
    made.topics.set([topics[0]])
    return made


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscriptions", type=int, default=100_000)
    parser.add_argument("--matching", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--match-only", action="store_true", help="skip the delivery run")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    topics, units = make_data(args.subscriptions, args.matching)
    print(f"{args.subscriptions} subscriptions made in {time.monotonic() - started:.1f} s")

    probe = release(topics, units, "Sonde")
    PressRelease.objects.filter(pk=probe.pk).update(status="published")
    timings = []
    for _run in range(20):
        started = time.perf_counter()
        found = len(matched(probe, timezone.now()))
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings) * 1000
    print(f"match one release: {found} subscriptions, median {median:.0f} ms")
    PressRelease.objects.filter(pk=probe.pk).update(status="draft")
    if args.match_only:
        return

    counter = Counter()
    port = 20000 + os.getpid() % 20000
    smtp = Controller(counter, hostname="127.0.0.1", port=port)
    smtp.start()
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "SITE_URL": "https://www.iom.example",
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "manage.py", "db_worker", "--interval", "0.1"]
    command += ["--no-startup-delay", "--no-reload", "--verbosity", "0"]
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
        for _n in range(args.workers)
    ]
    try:
        time.sleep(2)  # the workers are up
        user = None
        published = release(topics, units, "Inondations")
        began = time.monotonic()
        services.release_set_status(
            releases=PressRelease.objects.filter(pk=published.pk), status="published", user=user
        )
        committed = time.monotonic()
        while True:
            time.sleep(0.2)
            done = Delivery.objects.filter(release=published).exclude(state="pending").count()
            if done >= args.matching and counter.count >= args.matching:
                break
            if time.monotonic() - committed > 1800:
                raise SystemExit("gave up after 30 minutes")
        elapsed = counter.last - began
        print(
            f"publication → last message: {elapsed:.1f} s for {counter.count} messages, "
            f"{args.workers} worker(s): {counter.count / elapsed:.0f} messages/s"
        )
        first_rows = Delivery.objects.filter(release=published).count()
        print(f"outbox rows: {first_rows}")
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait()
        smtp.stop()
        asyncio.set_event_loop(asyncio.new_event_loop())


if __name__ == "__main__":
    main()
