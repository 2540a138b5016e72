"""`manage.py migrate_locked` run twice at once on an empty database, as two deployments (or a
job restarted by hand) might: both succeed, and every migration, the trigger ones included, is
applied once."""

import os
import subprocess
import sys
import time
from pathlib import Path

from iom_cms.management.commands.migrate_locked import MIGRATE_LOCK
from tests.scratch_database import on_postgresql, scratch_database, server_connection
from tests.test_deployment import IGNORE_DOTENV

ROOT = Path(__file__).resolve().parent.parent.parent
MIGRATE = (
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'migrate_locked'])"
)


def start_migrate(database_url):
    environment = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "iom_cms.settings",
        "SECRET_KEY": "migrate-test-" + "x" * 40,
        "DATABASE_URL": database_url,
    }
    return subprocess.Popen(
        [sys.executable, "-c", IGNORE_DOTENV + MIGRATE],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def waiting_for_the_lock(database):
    return database.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    ).fetchone()[0]


@on_postgresql
def test_two_migrate_runs_at_once_both_succeed_and_apply_each_migration_once():
    with scratch_database() as (name, url), server_connection(name) as database:
        # Hold the lock until both runs wait for it, so that they really start together.
        database.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
        runs = [start_migrate(url), start_migrate(url)]
        deadline = time.monotonic() + 60
        while waiting_for_the_lock(database) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert waiting_for_the_lock(database) == 2
        database.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])

        outputs = [run.communicate(timeout=300)[0] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        assert all("Another migrate is running: waiting" in output for output in outputs)
        # One run applied everything, the other found nothing left to do.
        assert sorted(output.count("Applying ") > 0 for output in outputs) == [False, True]
        assert sum("No migrations to apply." in output for output in outputs) == 1
        duplicates = database.execute(
            "SELECT app, name FROM django_migrations GROUP BY app, name HAVING count(*) > 1"
        ).fetchall()
        assert duplicates == []
        triggers = database.execute(
            "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'release_tally%' ORDER BY tgname"
        ).fetchall()
        assert triggers == [("release_tally_change",), ("release_tally_write",)]
