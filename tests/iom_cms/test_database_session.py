"""What the site's PostgreSQL sessions are set to (iom_cms/settings.py)."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_sessions_run_without_the_jit_compiler():
    """Its cost estimates made PostgreSQL compile page queries for 0.4–0.8 s at 100,000 releases
    (bench/README.md) for queries that run in milliseconds."""
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # no JIT there; `make test` runs on PostgreSQL
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
