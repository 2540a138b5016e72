"""Health checks for the orchestrator and the load balancer, outside the language prefixes.

/healthz: the process answers (no database). /readyz: the database answers and every migration
is applied, so this process can serve pages. Both are cheap, plain text and never cached.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from .errors import UNAVAILABLE

# Once every migration is applied, it stays so for the life of the process: later checks only
# ask the database for "SELECT 1".
_migrations_applied = False


def plain(text, status=200):
    return HttpResponse(text + "\n", status=status, content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    return plain("ok")


@never_cache
def readyz(request):
    global _migrations_applied
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_applied:
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                return plain("migrations not applied", status=503)
            _migrations_applied = True
    except UNAVAILABLE:
        return plain("database unavailable", status=503)
    return plain("ready")
