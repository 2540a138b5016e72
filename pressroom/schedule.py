"""What the press room tells the public-page caches (core/public_cache.py): when the public pages
next change on their own, with nobody saving anything: the next scheduled publication. Every
cache keeps a page no later than that, so an embargoed release appears at its second."""

import datetime

from django.db.models import Min

from .models import PressRelease


def next_publication(at: datetime.datetime) -> datetime.datetime | None:
    return PressRelease.objects.scheduled(at=at).aggregate(next=Min("published_at"))["next"]
