"""The task queue's side of email alerts (django-tasks, database backend: `manage.py db_worker`).

Tasks only wake the worker; what to do is always read from the tables (announcements not done,
outbox rows due), under row locks with SKIP LOCKED. So a task that runs twice, late, or on two
workers at once does nothing twice, and work left by a worker killed mid-batch is done by the
next task that runs: each `work` that finds something due first queues another one
ALERTS["LEASE_SECONDS"] later, which finds nothing left if all went well.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task


def wake(at=None, copies=1):
    """Have a worker run `work` at `at` (now by default); queued with the caller's transaction."""
    for _copy in range(copies):
        if at is None or at <= timezone.now():
            work.enqueue()
        else:
            work.using(run_after=at).enqueue()


@task()
def work():
    """Announce the releases whose time has come, then send what is due."""
    from . import delivery, services

    now = timezone.now()
    if delivery.anything_due(now):
        lease = datetime.timedelta(seconds=settings.ALERTS["LEASE_SECONDS"])
        wake(at=now + lease)
    announced = services.announce_due(now=now)
    sent = delivery.deliver_due()
    services.unconfirmed_expired_delete(now=now)
    return {"announced": announced, "sent": sent}


@task()
def send_confirmation(subscription_id):
    from . import delivery

    delivery.send_confirmation(subscription_id)
