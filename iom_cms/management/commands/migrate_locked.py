"""`manage.py migrate_locked`: `migrate`, one at a time across every machine of the deployment.

docker-compose.yml runs it once, as the "migrate" job that the web nodes wait for. Two runs may
still meet (a job restarted by hand while another runs, two deployments at once): without a lock
both would apply the same migration and the loser would fail half-way through the trigger
migrations. On PostgreSQL a session-level advisory lock makes the second run wait, then find
nothing left to apply. Other databases (SQLite for `make run`) have one writer anyway.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections

# Any fixed 64-bit number that nothing else on the server locks with: "IOM migrate".
MIGRATE_LOCK = 0x494F4D_6D696772


class Command(BaseCommand):
    help = "Apply the migrations, waiting for any other run of this command to finish first."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, verbosity, **options):
        connection = connections[database]
        if connection.vendor != "postgresql":
            call_command("migrate", database=database, interactive=False, verbosity=verbosity)
            return
        # Held by this session, not a transaction: migrate commits as it goes. A run that dies
        # loses its connection, and PostgreSQL releases the lock with it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [MIGRATE_LOCK])
            if not cursor.fetchone()[0]:
                self.stdout.write("Another migrate is running: waiting for it to finish.")
                cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
        try:
            call_command("migrate", database=database, interactive=False, verbosity=verbosity)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])
