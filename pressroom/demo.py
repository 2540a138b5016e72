"""Demo content for the press room, loaded by `manage.py load_demo` after the events'.

One real release, IOM's press release on the 2024 International Dialogue on Migration
(demo_data/idm_release.toml), and about sixty fictional ones (demo_generated.py), the same on every
run, so that lists, topic filters, language fallbacks, drafts and embargoes all have something to
show; their topics (topics.toml) and media contacts (contacts.toml); and illustrations drawn at
load time (core/demo_images.py) for the IDM release and some others (images.toml).

Loading is idempotent: a release is looked up by its slug in its original language, a topic by its
slug, a contact by email. What exists is left as it is, including editors' changes.
"""

import sys
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from core import demo_images
from core.demo_data import read, texts
from core.translated import LANGUAGE_CODES
from events.models import Event
from organisation.models import Person, Unit

from .demo_generated import generated_releases
from .models import MediaContact, PressRelease, Topic

TOPICS = read(__file__, "topics")["topic"]
CONTACTS = read(__file__, "contacts")["contact"]
IDM = read(__file__, "idm_release")
IMAGES = read(__file__, "images")


@transaction.atomic
def load(*, stdout=None):
    """Create the demo topics, contacts and releases that are missing, and print the counts."""
    stdout = stdout or sys.stdout
    topics, topics_created = _ensure_topics()
    contacts, contacts_created = _ensure_contacts()
    releases = all_releases(now=timezone.now())
    created = sum(_ensure_release(spec, topics, contacts) for spec in releases)
    _link_idm_release_to_its_event()
    _link_idm_release_to_organisation()
    images_added = _ensure_images(releases)

    per_language = ", ".join(
        f"{code} {sum(code in spec['text'] for spec in releases)}" for code in LANGUAGE_CODES
    )
    drafts = sum(spec["status"] == PressRelease.Status.DRAFT for spec in releases)
    scheduled = sum(spec["scheduled"] for spec in releases)
    stdout.write(
        f"Press releases: {len(releases)} ({per_language}; {drafts} drafts, "
        f"{scheduled} scheduled), {created} created.\n"
        f"Topics: {len(topics)}, {topics_created} created. "
        f"Media contacts: {len(contacts)}, {contacts_created} created. "
        f"Images: {len(IMAGES['image'])}, {images_added} added.\n"
    )


def all_releases(*, now):
    """The specs of every demo release: the IDM one, then the fictional ones."""
    idm = _idm_release()
    used_slugs = {code: set() for code in LANGUAGE_CODES}
    for code, version in idm["text"].items():
        used_slugs[code].add(version["slug"])
    return [idm, *generated_releases(now=now, used_slugs=used_slugs)]


def idm_release():
    """The IDM release, found by its slug in its original language; None if it is not loaded."""
    return PressRelease.objects.filter(**_idm_slug()).first()


def _idm_slug():
    original = IDM["original_language"]
    return {f"slug_{original}": slugify(IDM[original]["title"])}


def _ensure_topics():
    topics, created = {}, 0
    for topic in TOPICS:
        slug = topic["slug"]
        topics[slug], was_created = Topic.objects.get_or_create(slug=slug, defaults=texts(topic))
        created += was_created
    return topics, created


def _ensure_contacts():
    contacts, created = {}, 0
    for contact in CONTACTS:
        email = contact["email"]
        contacts[email], was_created = MediaContact.objects.get_or_create(
            email=email, defaults={"name": contact["name"], **texts(contact)}
        )
        created += was_created
    return contacts, created


def _ensure_release(spec, topics, contacts):
    """Create the release unless its original-language slug exists; True when created."""
    original = spec["original_language"]
    slug = spec["text"][original]["slug"]
    if PressRelease.objects.filter(**{f"slug_{original}": slug}).exists():
        return False
    release = PressRelease(
        status=spec["status"], published_at=spec["published_at"], original_language=original
    )
    for field, value in texts(spec["text"]).items():
        setattr(release, field, value)
    # The untranslated attributes (`title`…) read the active language: make it the original one,
    # so that validation and the untranslated columns see the version that exists.
    with translation.override(original):
        release.full_clean()
        release.save()
    release.topics.set([topics[topic_slug] for topic_slug in spec["topics"]])
    release.contacts.set([contacts[email] for email in spec["contacts"]])
    return True


def _ensure_images(releases):
    """Give each image of images.toml to its release, where that release has no image yet."""
    added = 0
    for image in IMAGES["image"]:
        release = idm_release() if image.get("release") == "idm" else _latest(releases, image)
        if release is None or release.image:
            continue
        # A named file: Django measures the image (image_width, image_height) only when the
        # file it is given has a name; a list would otherwise open the file on every read.
        name = f"{image['scene']}.png"
        release.image.save(name, ContentFile(demo_images.scene(image["scene"]), name), save=False)
        release.image_credit = IMAGES["credit"]
        fields = ["image", "image_width", "image_height", "image_credit"]
        for code in LANGUAGE_CODES:
            setattr(release, f"image_alt_{code}", image[code]["alt"])
            setattr(release, f"image_caption_{code}", image[code]["caption"])
            fields += [f"image_alt_{code}", f"image_caption_{code}"]
        # Only these columns: saving the whole row would copy the untranslated attributes
        # (read in the active language) into that language's columns.
        release.save(update_fields=fields)
        added += 1
    return added


def _latest(releases, image):
    """The latest public release among the specs of the image's subjects, or None."""
    specs = [
        spec
        for spec in releases
        if spec.get("subject") in image["subjects"]
        and spec["status"] == PressRelease.Status.PUBLISHED
        and not spec["scheduled"]
    ]
    if not specs:
        return None
    spec = max(specs, key=lambda spec: spec["published_at"])
    original = spec["original_language"]
    slug = spec["text"][original]["slug"]
    return PressRelease.objects.filter(**{f"slug_{original}": slug}).first()


def _link_idm_release_to_organisation():
    """The IDM release was issued by Media and Communications and quotes Amy Pope.

    Set only where missing, so an editor's choice stays; skipped if the organisation's demo
    content is not there.
    """
    release = idm_release()
    issuer = Unit.objects.filter(slug=IDM["issued_by"]).first()
    quoted = Person.objects.filter(slug__in=IDM["quotes"])
    if release is None:
        return
    if release.issuing_unit_id is None and issuer is not None:
        release.issuing_unit = issuer
        release.save(update_fields=["issuing_unit"])
    if not release.quoted_people.exists():
        release.quoted_people.set(quoted)


def _link_idm_release_to_its_event():
    """The IDM release is about the IDM 2024 in New York, which the events demo loads first.

    Set only where missing, so an editor's choice stays.
    """
    event = Event.objects.filter(slug=IDM["event"]).first()
    if event is not None:
        PressRelease.objects.filter(**_idm_slug(), event=None).update(event=event)


def _idm_release():
    published_at = IDM["published_at"].replace(tzinfo=ZoneInfo(IDM["time_zone"]))
    return {
        "original_language": IDM["original_language"],
        "status": IDM["status"],
        "scheduled": False,
        "published_at": published_at,
        "text": {
            code: {**IDM[code], "slug": slugify(IDM[code]["title"])}
            for code in LANGUAGE_CODES
            if code in IDM
        },
        "topics": IDM["topics"],
        "contacts": IDM["contacts"],
    }
