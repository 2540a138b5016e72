"""Purging the edge caches (Varnish) by surrogate key, after every change to public pages.

EDGE_PURGE_URLS names each edge (`http://varnish:80/`); empty, there is nothing to purge. A purge
is `PURGE /` with the header `xkey-purge: <keys>`, which deploy/varnish/default.vcl accepts only
from the addresses its ACL names, and which removes every page that carries one of the keys
(core/public_pages.py says which page carries which).

Each edge is purged at once, when the change commits, so that the next reader gets the new page
within a second, whichever node answers. An edge that fails (down, unreachable, refusing) is
logged, and the purge goes to the task queue, which tries again after 1, 5, 30, 120 and 300
seconds (django-tasks with its database backend: the queue is a table in PostgreSQL, run by
`manage.py db_worker`). The change itself never fails because of an edge, and an edge that stays
out of reach keeps a page no longer than its s-maxage (PAGE_CACHE_SECONDS at most).

A purge removes only the pages the edge holds: a page that a node began before the commit (from
the old rows) and that reaches the edge after the purge would be kept until its s-maxage. So each
purge is made again after each of EDGE_REPURGE_SECONDS (the task queue again), the last one after
the longest a page can take to reach the edge (nginx's proxy_read_timeout, 35 s).
"""

import http.client
import logging
import urllib.request
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

PURGE_HEADER = "xkey-purge"
TIMEOUT_SECONDS = 2
RETRY_DELAYS = [1, 5, 30, 120, 300]  # seconds before the 2nd, 3rd, ... attempt


class PurgeFailed(Exception):
    pass


def purge(url: str, keys: Iterable[str]) -> None:
    """Remove from the edge at `url` every page carrying one of `keys`; raise PurgeFailed."""
    request = urllib.request.Request(  # noqa: S310  (the address is the operator's setting)
        url, method="PURGE", headers={PURGE_HEADER: " ".join(sorted(keys))}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            answer = response.read(200).decode("utf-8", "replace").strip()
    except (OSError, http.client.HTTPException) as error:
        raise PurgeFailed(f"{url}: {error}") from error
    logger.info("edge purged: %s keys=%s (%s)", url, " ".join(sorted(keys)), answer)


@task()
def purge_later(url: str, keys: list[str], attempt: int) -> None:
    """One more attempt at a purge that failed; the next one is queued before this one fails."""
    try:
        purge(url, keys)
    except PurgeFailed:
        _queue_retry(url, keys, attempt + 1)
        raise
    logger.info("edge purge succeeded on attempt %d: %s", attempt, url)


def _queue_retry(url: str, keys: list[str], attempt: int) -> None:
    if attempt > len(RETRY_DELAYS) + 1:
        logger.error(
            "edge purge abandoned after %d attempts: %s keys=%s (pages there expire on their own)",
            attempt - 1,
            url,
            " ".join(keys),
        )
        return
    run_after = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 2])
    purge_later.using(run_after=run_after).enqueue(url, keys, attempt)


@task()
def purge_again(url: str, keys: list[str]) -> None:
    """The same purge once more, for a page made from the old rows that reached the edge after
    the first one; one that fails is retried as a first attempt is."""
    try:
        purge(url, keys)
    except PurgeFailed:
        _queue_retry(url, keys, 2)
        raise


def purge_on_notice(sender: object, keys: frozenset[str], **kwargs: Any) -> None:
    """Receiver of `core.public_pages.public_pages_changed`: purge every edge now, queue a retry
    for each one that fails, and the repeats (EDGE_REPURGE_SECONDS)."""
    for url in settings.EDGE_PURGE_URLS:
        try:
            purge(url, keys)
        except PurgeFailed:
            logger.warning("edge purge failed, queued for a retry: %s", url, exc_info=True)
            _queue_retry(url, sorted(keys), 2)
        for seconds in settings.EDGE_REPURGE_SECONDS:
            run_after = timezone.now() + timedelta(seconds=seconds)
            purge_again.using(run_after=run_after).enqueue(url, sorted(keys))
