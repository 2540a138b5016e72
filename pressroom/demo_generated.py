"""The fictional releases of the press room's demo: about sixty, the same on every run.

Built from the building blocks in demo_data/: the kinds of news (subjects.toml), the places they
happen in (places.toml), and how the releases use the languages (languages.toml). A seeded
random generator picks a subject and a place for each release, its publication time, its
topics and contacts, and the paragraphs of its body.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify

from core.demo_data import read

from .models import PressRelease

SUBJECTS = read(__file__, "subjects")["subject"]
PLACES = read(__file__, "places")
LANGUAGES = read(__file__, "languages")
GENEVA = PLACES["geneva"]  # headquarters


def generated_releases(*, now, used_slugs):
    """The fictional releases, as specs for `demo.load()`; `used_slugs` are taken, by language.

    Only the two embargoed ones depend on `now`: they are due 3 and 10 days after the first load
    (a later load finds them by slug and leaves them alone), and are simply public after that.
    """
    rng = random.Random(2024)
    profiles = [
        (mix["original"], mix["languages"]) for mix in LANGUAGES["mix"] for _ in range(mix["count"])
    ]
    rng.shuffle(profiles)
    # All but the last two are spread over June 2022 to November 2024; those two are embargoed.
    local_times = _publication_times(rng, count=len(profiles) - 2)
    morning = timezone.localtime(now).replace(hour=9, minute=0, second=0, microsecond=0)
    scheduled = [morning + datetime.timedelta(days=3), morning + datetime.timedelta(days=10)]
    drafts = set(rng.sample(range(len(local_times) - 20, len(local_times)), 4))
    used_stories = set()

    releases = []
    for index, (original, languages) in enumerate(profiles):
        subject, place = _pick_story(rng, original, used_stories)
        if index < len(local_times):
            where = GENEVA if subject.get("from_geneva") else place
            published_at = local_times[index].replace(tzinfo=ZoneInfo(where["time_zone"]))
        else:
            published_at = scheduled[index - len(local_times)]
        status = PressRelease.Status.DRAFT if index in drafts else PressRelease.Status.PUBLISHED
        releases.append(
            {
                "original_language": original,
                "status": status,
                "scheduled": published_at > now,
                "published_at": published_at,
                "subject": subject["key"],
                **_story(rng, subject, place, languages, used_slugs),
            }
        )
    return releases


def _publication_times(rng, *, count):
    """Working days about two weeks apart, at office hours; naive, as local to the dateline."""
    first, last = datetime.date(2022, 6, 1), datetime.date(2024, 11, 22)
    step = (last - first) / count
    times = []
    for index in range(count):
        day = first + step * index + datetime.timedelta(days=rng.randint(0, 7))
        if day.weekday() >= 5:  # a weekend: the Friday before
            day -= datetime.timedelta(days=day.weekday() - 4)
        time = datetime.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
        times.append(datetime.datetime.combine(day, time))
    return times


def _pick_story(rng, original, used_stories):
    """A subject and a place not used together yet, where a release in `original` is plausible.

    The least used subjects come first, so that every topic gets its share of releases.
    """

    def places(subject):
        return [
            key
            for key in subject["places"]
            if original in PLACES[key]["originals"] and (subject["key"], key) not in used_stories
        ]

    uses = {subject["key"]: 0 for subject in SUBJECTS}
    for subject_key, _place in used_stories:
        uses[subject_key] += 1
    candidates = [subject for subject in SUBJECTS if places(subject)]
    fewest = min(uses[subject["key"]] for subject in candidates)
    subject = rng.choice([subject for subject in candidates if uses[subject["key"]] == fewest])
    key = rng.choice(places(subject))
    used_stories.add((subject["key"], key))
    return subject, PLACES[key]


def _story(rng, subject, place, languages, used_slugs):
    """The text in each of `languages`, with the topics and contacts of the release."""
    number = rng.randrange(*subject["number"])
    amount = rng.randrange(*subject["amount"]) / 10 if "amount" in subject else 0
    paragraphs = {code: subject[code]["paragraphs"].split("\n\n") for code in languages}
    available = len(paragraphs[languages[0]])
    count = rng.randint(2, min(4, available))
    chosen = sorted(rng.sample(range(available), count))
    others = subject["topics"][1:]
    topics = [subject["topics"][0], *rng.sample(others, rng.randint(0, len(others)))]
    pool = [place["contact"], GENEVA["contact"]]
    if subject.get("from_geneva"):
        pool.reverse()
    contacts = list(dict.fromkeys(pool[: rng.choice((0, 1, 1, 2))]))
    dateline = GENEVA if subject.get("from_geneva") else place

    text = {}
    for code in languages:
        where = place[code]
        values = {
            "in": where["in"],
            "In": where["in"][0].upper() + where["in"][1:],
            "of": where["of"],
            "n": _number(number, code),
            "amount": _dollars(amount, code),
        }
        title = subject[code]["title"].format(**values)
        text[code] = {
            "title": title,
            "slug": _unique_slug(title, used_slugs[code]),
            "lead": subject[code]["lead"].format(**values),
            "dateline": dateline[code]["city"],
            "body": "\n".join(f"<p>{paragraphs[code][i].format(**values)}</p>" for i in chosen),
        }
    return {"text": text, "topics": topics, "contacts": contacts}


def _unique_slug(title, used):
    base = slug = slugify(title)[:240]
    suffix = 2
    while slug in used:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    used.add(slug)
    return slug


def _number(number, code):
    """As the language writes it: 12,500 in English; 12 500 in French and Spanish."""
    figures = LANGUAGES["figures"][code]
    if number < figures["group_from"]:
        return str(number)
    return f"{number:,}".replace(",", figures["thousands"])


def _dollars(millions, code):
    figures = LANGUAGES["figures"][code]
    return figures["dollars"].format(figure=f"{millions:g}".replace(".", figures["decimal"]))
