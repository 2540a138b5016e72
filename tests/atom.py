"""An Atom feed checked against RFC 4287, as the tests need it.

Two readers: feedparser, the library feed readers are built on, must read the document without
complaint (`bozo` false: well-formed XML, known dates), and `rfc4287_errors` checks the rules the
RFC states with MUST for the elements our feeds write (sections 4.1.1 to 4.2.15); the RFC's own
RELAX NG schema (appendix B) leaves several of them, the author's among them, to prose.
"""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
TEXT_TYPES = {None, "text", "html", "xhtml"}


def feed_errors(content):
    """Everything wrong with `content` (bytes) as an Atom 1.0 document; [] when it is valid."""
    parsed = feedparser.parse(content)
    errors = []
    if parsed.bozo:
        errors.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        errors.append(f"feedparser reads {parsed.version!r}, not Atom 1.0")
    root = ET.fromstring(content)  # noqa: S314 - our own feed
    return errors + rfc4287_errors(root)


def rfc4287_errors(feed):
    errors = []
    if feed.tag != f"{ATOM}feed":
        return [f"the root is {feed.tag}, not atom:feed"]
    entries = feed.findall(f"{ATOM}entry")
    # 4.1.1: one or more atom:author, unless every entry has one.
    if not feed.findall(f"{ATOM}author") and not all(e.findall(f"{ATOM}author") for e in entries):
        errors.append("4.1.1: the feed has no atom:author and not every entry has one")
    errors += _common(feed, "feed", once=("generator", "icon", "logo", "rights", "subtitle"))
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        errors += _common(
            entry, where, once=("content", "published", "rights", "source", "summary")
        )
        # 4.1.2: an entry without content has a link rel="alternate".
        if entry.find(f"{ATOM}content") is None and not _links(entry, "alternate"):
            errors.append(f"4.1.2: {where} has neither atom:content nor an alternate link")
        for date in ("published",):
            errors += _dates(entry, date, where)
    return errors


def _common(element, where, once):
    """What atom:feed and atom:entry share: one id, title and updated; links; persons; text."""
    errors = []
    for name in ("id", "title", "updated"):
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1:
            errors.append(f"{where} has {len(found)} atom:{name}, not exactly one")
    for name in once:
        if len(element.findall(f"{ATOM}{name}")) > 1:
            errors.append(f"{where} has more than one atom:{name}")
    identifier = element.findtext(f"{ATOM}id") or ""
    if not urlsplit(identifier).scheme:
        errors.append(f"4.2.6: the id of {where} is not an absolute IRI: {identifier!r}")
    errors += _dates(element, "updated", where)
    # 4.1.1, 4.1.2: at most one alternate link per type and hreflang; no rel="self" duplicated.
    seen = set()
    for link in element.findall(f"{ATOM}link"):
        if not link.get("href"):
            errors.append(f"4.2.7: a link of {where} has no href")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in seen:
                errors.append(f"{where} has two alternate links of the same type and hreflang")
            seen.add(key)
    for person in element.findall(f"{ATOM}author") + element.findall(f"{ATOM}contributor"):
        if len(person.findall(f"{ATOM}name")) != 1 or not person.findtext(f"{ATOM}name"):
            errors.append(f"3.2: a person of {where} has no atom:name")
        uri = person.findtext(f"{ATOM}uri")
        if uri is not None and not urlsplit(uri).scheme:
            errors.append(f"3.2.2: the uri of a person of {where} is not absolute: {uri!r}")
    for name in ("title", "subtitle", "summary", "rights"):
        for text in element.findall(f"{ATOM}{name}"):
            if text.get("type") not in TEXT_TYPES:
                errors.append(f"3.1.1: atom:{name} of {where} has type {text.get('type')!r}")
    for category in element.findall(f"{ATOM}category"):
        if not category.get("term"):
            errors.append(f"4.2.2: a category of {where} has no term")
    return errors


def _dates(element, name, where):
    """3.3: a date is an RFC 3339 date-time, with its offset."""
    errors = []
    for date in element.findall(f"{ATOM}{name}"):
        value = (date.text or "").strip()
        try:
            parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            errors.append(f"3.3: atom:{name} of {where} is not a date-time: {value!r}")
            continue
        if parsed.tzinfo is None or "T" not in value:
            errors.append(f"3.3: atom:{name} of {where} has no time or offset: {value!r}")
    return errors


def _links(element, rel):
    return [link for link in element.findall(f"{ATOM}link") if link.get("rel", "alternate") == rel]
