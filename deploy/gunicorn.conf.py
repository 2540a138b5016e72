"""gunicorn's settings for the image (`gunicorn -c deploy/gunicorn.conf.py iom_cms.wsgi`).

Read from the environment (listed in .env.example). The timeouts form one chain, each link a
little longer than the one inside it, so that the inner one decides and the outer one only
catches what is really stuck:

    a request: Django works at most GUNICORN_TIMEOUT (30 s), then gunicorn kills the worker;
               nginx waits for gunicorn 35 s (proxy_read_timeout, deploy/nginx/nginx.conf).
    a stop:    on SIGTERM each worker finishes its request within GUNICORN_GRACEFUL_TIMEOUT
               (30 s, = the longest request); compose sends SIGKILL only after
               stop_grace_period (40 s, docker-compose.yml).

tests/test_gunicorn.py starts gunicorn with this file and checks the clean start and the
graceful stop; tests/test_deployment.py checks the chain against nginx.conf and compose.
"""

import os


def number(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


bind = os.environ.get("GUNICORN_BIND") or "0.0.0.0:8000"
# Each worker is a process with its own database connection(s): N nodes × workers × DB_POOL_MAX
# must stay below PostgreSQL's max_connections (README, "Replicas, connections and limits").
workers = number("GUNICORN_WORKERS", 3)
# More than one thread per worker switches to the threaded worker; DB_POOL_MAX must then be at
# least the number of threads, or requests wait for a connection.
threads = number("GUNICORN_THREADS", 1)
timeout = number("GUNICORN_TIMEOUT", 30)
graceful_timeout = number("GUNICORN_GRACEFUL_TIMEOUT", 30)
# nginx keeps connections to gunicorn open between requests only with the threaded worker.
keepalive = 5

# The control socket (gunicornc) defaults to $HOME/.gunicorn/gunicorn.ctl: in the image $HOME is
# /app, which the app user may not write, and gunicorn logged "Control server error" at every
# start. Off unless asked for, at a path the user can write (e.g. /tmp/gunicorn.ctl).
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or ""
control_socket_disable = not control_socket

# The heartbeat files the master watches: in memory, where a container's overlay disk cannot
# stall them (Docker's /dev/shm; elsewhere the system's temporary folder).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# No access log: Django logs one line per request with its duration and request id.
accesslog = None
errorlog = "-"


def worker_exit(server, worker):
    """Close the database pool of a worker that stops, so PostgreSQL sees a clean goodbye."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if hasattr(connection, "close_pool"):  # PostgreSQL
            connection.close_pool()
