#!/usr/bin/env bash
# The edge at 100,000 releases (issue 13), on 127.0.0.1, figures in bench/README.md. As root (the
# cluster's servers), from the project folder:
#
#   bench/edge/run.sh                                # throwaway PostgreSQL, 100,000 releases
#   DATABASE_URL=postgresql://… bench/edge/run.sh    # a database already filled (bench_generate)
#
# The servers are tests/cluster.py's (bench/edge/stack.py adds a floor node and nginx serving
# the pages as files); bench/edge/measure.py says what is measured. The measurement runs under
# `flock $LOCK`, so that it never overlaps another benchmark on this machine.
# Knobs: COUNT [100000] releases, YEARS [20], ROUNDS [3] of DURATION [10] s per target,
#   SPIKE_SECONDS [60], OUT [/tmp/edge-bench/<time>], LOCK [/tmp/iom-cms-bench.lock], MAX_LOAD [2]:
#   the 1-minute load average to wait for before measuring (up to LOAD_WAIT [600] s).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COUNT=${COUNT:-100000}; YEARS=${YEARS:-20}
OUT=${OUT:-/tmp/edge-bench/$(date -u +%Y%m%d-%H%M%S)}
LOCK=${LOCK:-/tmp/iom-cms-bench.lock}; MAX_LOAD=${MAX_LOAD:-2}; LOAD_WAIT=${LOAD_WAIT:-600}

if [[ -z "${DATABASE_URL:-}" ]]; then  # a throwaway cluster for the whole run
  exec "$ROOT/scripts/pgtest.sh" run -- "$0" "$@"
fi
mkdir -p "$OUT"
export PATH="$ROOT/.venv/bin:$PATH" DJANGO_SETTINGS_MODULE=iom_cms.settings DEBUG=false
export SECRET_KEY=bench-only-not-a-secret-0123456789abcdef ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING
MANAGE=(python "$ROOT/manage.py")

# The publication cycle reads each commit's time from PostgreSQL: a setting read at start.
if [[ $(psql "$DATABASE_URL" -tAc "SHOW track_commit_timestamp") != on ]]; then
  psql "$DATABASE_URL" -qc "ALTER SYSTEM SET track_commit_timestamp = on"
  DATA=$(psql "$DATABASE_URL" -tAc "SHOW data_directory")
  PG_CTL=$(psql "$DATABASE_URL" -tAc "SELECT setting FROM pg_config WHERE name = 'BINDIR'")/pg_ctl
  as_owner() { if [[ $EUID -eq 0 ]]; then runuser -u "$(stat -c %U "$DATA")" -- "$@"; else "$@"; fi; }
  (cd / && as_owner "$PG_CTL" -D "$DATA" -m fast -w -l "$DATA/../server.log" restart >/dev/null)
fi

echo "== database"
"${MANAGE[@]}" migrate -v0 --no-input
if [[ $("${MANAGE[@]}" shell -v 0 -c "from pressroom.models import PressRelease as P; print(P.objects.count())") == 0 ]]; then
  "${MANAGE[@]}" bench_generate --count "$COUNT" --years "$YEARS" --force | tee "$OUT/generate.log"
fi
psql "$DATABASE_URL" -tAc "SELECT 'releases: ' || count(*) || ', database: ' || pg_size_pretty(pg_database_size(current_database())) FROM pressroom_pressrelease" | tee "$OUT/data.txt"
git -C "$ROOT" log -1 --format='commit %h (%s)' | tee "$OUT/commit.txt"
git -C "$ROOT" status --porcelain | grep -q . && echo "  with uncommitted changes" | tee -a "$OUT/commit.txt"

echo "== waiting for a quieter machine (1-minute load under $MAX_LOAD, at most ${LOAD_WAIT}s)"
waited=0
until awk -v max="$MAX_LOAD" '{exit !($1 < max)}' /proc/loadavg || (( waited >= LOAD_WAIT )); do
  echo "  load $(cut -d' ' -f1-3 /proc/loadavg), waiting"; sleep 30; waited=$((waited + 30))
done
echo "== measuring under $LOCK (waits for any other benchmark)"
flock "$LOCK" python "$ROOT/bench/edge/measure.py" "$OUT" | tee "$OUT/report.md"
