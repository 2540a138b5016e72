#!/usr/bin/env bash
# The finder's benchmark: our pages beside the bare 20 KB view and the Wagtail peer, in one wrk
# rotation (../../shared/bench-peer/run_peer_bench.sh). As root (the peer's PostgreSQL user),
# from the project folder:
#
#   bench/finder/run.sh                  # throwaway PostgreSQL, 100,000 releases, then measure
#   DATABASE_URL=postgresql://… bench/finder/run.sh   # reuse a database already filled
#
# Knobs: COUNT [100000] releases, YEARS [20], RUNS [3] rounds, DURATION [10] s per target,
#   PEER [../shared/bench-peer], OUT [/tmp/finder-bench/<time>], MAX_LOAD [0.7]: the
#   1-minute load average to wait for before measuring (up to LOAD_WAIT [1800] s).
# Two servers of ours run side by side, both gunicorn with 2 sync workers and DEBUG off:
#   "nocache" (PAGE_CACHE_SECONDS=0) and "cached" (the page cache, a file cache in /dev/shm).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/finder
VENV=$ROOT/.venv
PEER=${PEER:-$ROOT/../shared/bench-peer}
COUNT=${COUNT:-100000}; YEARS=${YEARS:-20}; RUNS=${RUNS:-3}; DURATION=${DURATION:-10}
MAX_LOAD=${MAX_LOAD:-0.7}; LOAD_WAIT=${LOAD_WAIT:-1800}
OUT=${OUT:-/tmp/finder-bench/$(date -u +%Y%m%d-%H%M%S)}

if [[ -z "${DATABASE_URL:-}" ]]; then  # a throwaway cluster for the whole run
  exec "$ROOT/scripts/pgtest.sh" run -- "$0" "$@"
fi
mkdir -p "$OUT"
export PATH="$VENV/bin:$PATH" PYTHONPATH="$HERE:$ROOT"
export DJANGO_SETTINGS_MODULE=bench_settings DEBUG=false SECRET_KEY=bench-only-not-a-secret-0123456789abcdef
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
export CONN_MAX_AGE=60 LOG_LEVEL=WARNING PAGE_CACHE_SECONDS=0
MANAGE=(python "$ROOT/manage.py")

export STATIC_ROOT="$OUT/static"  # production static files: hashed names, a manifest
"${MANAGE[@]}" collectstatic --no-input -v0

echo "== database"
"${MANAGE[@]}" migrate -v0 --no-input
if [[ $("${MANAGE[@]}" shell -v 0 -c "from pressroom.models import PressRelease as P; print(P.objects.count())") == 0 ]]; then
  "${MANAGE[@]}" bench_generate --count "$COUNT" --years "$YEARS" --force | tee "$OUT/generate.log"
fi
psql "$DATABASE_URL" -tAc "SELECT 'releases: ' || count(*) || ', database: ' || pg_size_pretty(pg_database_size(current_database())) FROM pressroom_pressrelease" | tee "$OUT/data.txt"

echo "== targets, queries per request, EXPLAIN ANALYZE of the word search"
"${MANAGE[@]}" shell -v 0 < "$HERE/targets.py" > "$OUT/targets.txt"
TARGETS="$OUT/targets.txt" EXPLAIN="$OUT/explain.txt" "${MANAGE[@]}" shell -v 0 < "$HERE/queries.py" \
  | tee "$OUT/queries.jsonl"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done; rm -rf /dev/shm/finder-bench-cache "$OUT/static"; }
trap cleanup EXIT
serve() {  # name port extra-env...
  local name=$1 port=$2; shift 2
  env "$@" gunicorn iom_cms.wsgi:application --chdir "$ROOT" --workers 2 --worker-class sync \
    --bind "127.0.0.1:$port" --log-level warning --error-logfile "$OUT/gunicorn-$name.log" &
  PIDS+=("$!")
  for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/bare/" && return 0; sleep 0.2; done
  echo "gunicorn $name did not start" >&2; return 1
}
NOCACHE=$(free_port); serve nocache "$NOCACHE" PAGE_CACHE_SECONDS=0
CACHED=$(free_port); serve cached "$CACHED" PAGE_CACHE_SECONDS=300 CACHE_URL=filecache:///dev/shm/finder-bench-cache

EXTRA="bare=http://127.0.0.1:$NOCACHE/bare/"
while read -r label address; do
  EXTRA+=" nocache_$label=http://127.0.0.1:$NOCACHE$address"
  [[ $label == release ]] || EXTRA+=" cached_$label=http://127.0.0.1:$CACHED$address"
done < "$OUT/targets.txt"

echo "== waiting for a quiet machine (1-minute load under $MAX_LOAD, at most ${LOAD_WAIT}s)"
waited=0
until awk -v max="$MAX_LOAD" '{exit !($1 < max)}' /proc/loadavg || (( waited >= LOAD_WAIT )); do
  echo "  load $(cut -d' ' -f1-3 /proc/loadavg), waiting"; sleep 60; waited=$((waited + 60))
done
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"

echo "== wrk rotation with the Wagtail peer"
src=$(mktemp -d); cp -r "$PEER/." "$src"
# A clean environment: none of our virtualenv, database or Django variables.
( cd "$src" && env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$HOME" \
    PEER_DIR=/tmp/finder-bench-peer BACKENDS=postgres LOCALES=en,fr,es BENCH_LOCALE=fr \
    RUNS="$RUNS" DURATION="$DURATION" EXTRA_URLS="$EXTRA" REUSE_DATA="${REUSE_DATA:-0}" \
    KEEP_DATA="${KEEP_DATA:-0}" ./run_peer_bench.sh ) 2>&1 | tee "$OUT/peer.log"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
cp /tmp/finder-bench-peer/results/latest/results.json "$OUT/results.json"
cp /tmp/finder-bench-peer/results/latest/versions.txt "$OUT/versions.txt"
rm -rf "$src"

python3 "$HERE/report.py" "$OUT" | tee "$OUT/report.md"
