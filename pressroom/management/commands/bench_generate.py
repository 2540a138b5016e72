"""Fill the database with releases for the finder's benchmark (bench/finder/README section).

    manage.py bench_generate --count 100000 --years 20 --force

Releases spread over `--years` years up to now, in French, English and Spanish (in the mixes a
newsroom has: most in English, many in two or three languages), with realistic lengths (a title of
about 80 characters, a lead of 300, a body of 3,000 in paragraphs), 1 to 4 topics out of 40 and a
type. The words are drawn, with their frequencies, from the demo releases' real text in each
language, so that stemming, stop words and the selectivity of a search behave as in real text.
A few drafts and scheduled releases are among them. The same releases on every run (a seed).
"""

import datetime
import multiprocessing
import random
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify

from core.demo_data import texts
from core.translated import LANGUAGE_CODES
from pressroom import demo
from pressroom.models import PressRelease, ReleaseKind, TaggedRelease, Topic

# (languages, share): the original language first. The benchmark's own mix, fixed so that its
# releases stay the same; a new site language joins it only when written in here.
LANGUAGE_MIXES = [
    (("en",), 35),
    (("en", "fr"), 18),
    (("fr", "en", "es"), 25),
    (("fr",), 9),
    (("es",), 5),
    (("en", "es"), 5),
    (("es", "en", "fr"), 3),
]
KINDS = [
    (ReleaseKind.PRESS_RELEASE, 70),
    (ReleaseKind.STATEMENT, 12),
    (ReleaseKind.BRIEFING_NOTE, 10),
    (ReleaseKind.MEDIA_ADVISORY, 8),
]
BATCH = 1000


class Command(BaseCommand):
    help = "Fill the database with generated releases for the finder's benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--topics", type=int, default=40)
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--processes",
            type=int,
            default=2,
            help="Batches are written by this many processes at once.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (a throwaway benchmark database).",
        )

    def handle(self, *args, count, years, topics, seed, processes, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("This fills the database with fake releases: use --force.")
        if PressRelease.objects.exists():
            raise CommandError("The database already has releases: use an empty one.")
        started = time.monotonic()
        job = Job(
            count=count,
            years=years,
            seed=seed,
            words=_vocabulary(),
            topic_ids=[topic.pk for topic in _topics(topics)],
            now=timezone.now(),
        )
        batches = range(0, count, BATCH)

        def generate():
            connection.close()  # each process opens its own
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                for done, _ in enumerate(pool.imap_unordered(job.write_batch, batches), 1):
                    if done % 10 == 0:
                        self.stdout.write(f"  {done * BATCH} releases")

        self._without_search_indexes(generate)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE pressroom_pressrelease")
                cursor.execute("VACUUM ANALYZE pressroom_taggedrelease")
        self.stdout.write(
            f"{count} releases, {len(job.topic_ids)} topics in {time.monotonic() - started:.0f} s"
        )

    def _without_search_indexes(self, generate):
        """GIN indexes are built much faster once than row by row, and the tallies (migration
        0005) and the releases' topic ids (0009) recounted once than kept up to date release by
        release."""
        if connection.vendor != "postgresql":
            return generate()
        triggers = [
            ("pressroom_pressrelease", "release_tally_write"),
            ("pressroom_taggedrelease", "taggedrelease_tally"),
            ("pressroom_taggedrelease", "taggedrelease_topic_ids"),
        ]
        with connection.cursor() as cursor:
            for code in LANGUAGE_CODES:
                cursor.execute(f"DROP INDEX IF EXISTS release_search_{code}")
            cursor.execute("DROP INDEX IF EXISTS release_topic_ids")
            for table, trigger in triggers:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        try:
            generate()
        finally:
            with connection.cursor() as cursor:
                for table, trigger in triggers:
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        with connection.cursor() as cursor:
            cursor.execute("SELECT pressroom_tally_rebuild()")
            cursor.execute("SELECT pressroom_topic_ids_rebuild()")
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for code in LANGUAGE_CODES:
                cursor.execute(
                    f"CREATE INDEX release_search_{code} ON pressroom_pressrelease "
                    f"USING gin (search_{code})"
                )
            cursor.execute(
                "CREATE INDEX release_topic_ids ON pressroom_pressrelease USING gin (topic_ids)"
            )


@dataclass
class Job:
    count: int
    years: int
    seed: int
    words: dict
    topic_ids: list
    now: datetime.datetime

    def write_batch(self, start):
        """Releases start…start+BATCH, the same whichever process writes them."""
        rng = random.Random(self.seed * 1_000_003 + start)  # noqa: S311 - fake data
        mixes = [mix for mix, share in LANGUAGE_MIXES for _ in range(share)]
        kinds = [kind for kind, share in KINDS for _ in range(share)]
        span = datetime.timedelta(days=365.25 * self.years).total_seconds()
        releases, links = [], []
        for number in range(start, min(start + BATCH, self.count)):
            languages = rng.choice(mixes)
            if number >= self.count - 20:  # the last 20 are scheduled over the coming days
                published_at = self.now + datetime.timedelta(hours=6 * (self.count - number))
            else:
                published_at = self.now - datetime.timedelta(seconds=rng.random() * span)
            release = PressRelease(
                status=PressRelease.Status.DRAFT
                if number % 200 == 7
                else PressRelease.Status.PUBLISHED,
                kind=rng.choice(kinds),
                original_language=languages[0],
                published_at=published_at,
            )
            for code in languages:
                _write_version(release, code, self.words[code], rng, number)
            releases.append(release)
        with transaction.atomic():
            PressRelease.objects.bulk_create(releases)
            for release in releases:
                for topic_id in rng.sample(self.topic_ids, rng.randint(1, 4)):
                    links.append(TaggedRelease(content_object=release, tag_id=topic_id))
            TaggedRelease.objects.bulk_create(links)
        return start


def _vocabulary():
    """Every word of the demo releases in each language, as often as it occurs there."""
    words = {code: [] for code in LANGUAGE_CODES}
    for spec in demo.all_releases(now=timezone.now()):
        for code, version in spec["text"].items():
            text = " ".join(str(version.get(name, "")) for name in ("title", "lead", "body"))
            text = re.sub(r"<[^>]+>", " ", text)
            words[code] += re.findall(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*", text)
    return words


def _sentence(rng, words, length):
    return " ".join(rng.choices(words, k=length)).capitalize() + "."


def _text(rng, words, characters):
    """Sentences of 12 to 28 words, about `characters` long (words average 6.5 characters)."""
    pool = rng.choices(words, k=max(12, int(characters / 6.5)))
    sentences, start = [], 0
    while start < len(pool):
        length = rng.randint(12, 28)
        sentences.append(" ".join(pool[start : start + length]).capitalize() + ".")
        start += length
    return " ".join(sentences)


def _write_version(release, code, words, rng, number):
    title = _sentence(rng, words, rng.randint(11, 15)).rstrip(".")[:120]
    body = "\n".join(
        f"<p>{_text(rng, words, rng.randint(350, 650))}</p>" for _ in range(rng.randint(5, 8))
    )
    setattr(release, f"title_{code}", title)
    setattr(release, f"slug_{code}", f"{slugify(title)[:200]}-{number}")
    setattr(release, f"lead_{code}", _text(rng, words, rng.randint(260, 400))[:590])
    setattr(
        release,
        f"dateline_{code}",
        rng.choice(
            ("Genève", "Geneva", "Ginebra", "Dhaka", "Nairobi", "Panamá", "Bangkok", "Dakar")
        ),
    )
    setattr(release, f"body_{code}", body)


def _topics(count):
    """The demo's topics, then numbered ones up to `count` ("Thème 12", "Topic 12"…)."""
    topics = []
    for index in range(count):
        if index < len(demo.TOPICS):
            slug, names = demo.TOPICS[index]["slug"], texts(demo.TOPICS[index])
        else:
            slug, names = f"topic-{index}", {}
            for code in LANGUAGE_CODES:
                with translation.override(code):
                    names[f"name_{code}"] = f"{capfirst(Topic._meta.verbose_name)} {index}"
        topic, _created = Topic.objects.get_or_create(slug=slug, defaults=names)
        topics.append(topic)
    return topics
