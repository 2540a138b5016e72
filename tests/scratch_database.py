"""An empty database of its own on the test PostgreSQL server, for tests that run the site in
other processes (several migrate runs at once, a connection pool) and count what the server
sees. Dropped afterwards, whatever connections are left."""

import contextlib
import secrets

import psycopg
import pytest
from django.db import connection

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's locks and statistics"
)


def server_connection(dbname="postgres"):
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    )


@contextlib.contextmanager
def scratch_database():
    """Yields (name, DATABASE_URL) of a new, empty database."""
    name = "scratch_" + secrets.token_hex(4)
    settings = connection.settings_dict
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    with server_connection() as server:
        server.execute(f"CREATE DATABASE {name}")
    try:
        yield name, f"postgresql://{user}{password}@{host}:{port}/{name}"
    finally:
        with server_connection() as server:
            server.execute(f"DROP DATABASE {name} WITH (FORCE)")
