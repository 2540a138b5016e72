#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests.
#
#   scripts/pgtest.sh run -- CMD...   start a cluster, export DATABASE_URL, run CMD, then stop and
#                                     delete the cluster; exits with CMD's exit code
#   scripts/pgtest.sh available       exit 0 when the server binaries are installed
#
# The cluster lives in a fresh directory under /dev/shm (or /tmp), listens on 127.0.0.1 on a free
# port, and runs with fsync off: nothing in it is meant to survive.
# initdb and postgres refuse to run as root (and CI runs as root), so as root the server runs as
# the system user "pgtest", created on first use without a login shell or home.
#
# Knobs: PGTEST_BINDIR (where initdb, pg_ctl and postgres are; default the PostgreSQL 15 folder,
# else the one of `initdb` on PATH), PGTEST_USER, PGTEST_TMP (parent of the cluster folder).
set -euo pipefail

BINDIR=${PGTEST_BINDIR:-/usr/lib/postgresql/15/bin}
if [[ -z ${PGTEST_BINDIR:-} && ! -x $BINDIR/initdb ]] && command -v initdb >/dev/null; then
  BINDIR=$(dirname "$(readlink -f "$(command -v initdb)")")
fi
PGUSER_OS=${PGTEST_USER:-pgtest}

die() { echo "pgtest: $*" >&2; exit 1; }

available() { [[ -x $BINDIR/initdb && -x $BINDIR/pg_ctl && -x $BINDIR/postgres ]]; }

as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}

start() {  # sets DIR and exports DATABASE_URL
  available || die "no PostgreSQL server binaries in $BINDIR (set PGTEST_BINDIR)"
  if [[ $EUID -eq 0 ]] && ! id -u "$PGUSER_OS" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PGUSER_OS"
  fi
  # /dev/shm makes initdb three times faster, but containers often give it only 64 MB.
  local parent=${PGTEST_TMP:-} port
  if [[ -z $parent ]]; then
    parent=/tmp
    [[ -w /dev/shm && $(df -Pk /dev/shm | awk 'NR == 2 {print $4}') -ge 262144 ]] && parent=/dev/shm
  fi
  DIR=$(mktemp -d "$parent/pgtest.XXXXXX")
  [[ $EUID -eq 0 ]] && chown "$PGUSER_OS:" "$DIR"
  cd "$DIR"  # the server user cannot read the caller's working directory
  as_owner "$BINDIR/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync --no-instructions >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  # Ask the kernel for a free port; another process could take it before postgres binds it,
  # which is rare enough that a failed start just says so.
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >>"$DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start >/dev/null \
    || { cat "$DIR/server.log" >&2; die "the server did not start"; }
  cd - >/dev/null
  # Django creates its test database from this one; the "postgres" database is always there.
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  [[ -n ${DIR:-} && -d $DIR ]] || return 0
  if [[ -f $DIR/data/postmaster.pid ]]; then
    # "immediate": nothing in the cluster is worth a clean shutdown.
    (cd / && as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null) || true
  fi
  rm -rf "$DIR"
}

case ${1:-} in
  available) available ;;
  run)
    shift; [[ ${1:-} == -- ]] && shift
    [[ $# -gt 0 ]] || die "usage: $0 run -- CMD..."
    trap stop EXIT
    trap 'exit 130' INT TERM
    start
    status=0
    "$@" || status=$?
    exit "$status"
    ;;
  *) echo "usage: $0 run -- CMD... | available" >&2; exit 2 ;;
esac
