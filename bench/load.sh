#!/usr/bin/env bash
# Load and fault runs of the site on this machine (127.0.0.1 only), figures in bench/README.md.
#
#   bench/load.sh                  # about 5 minutes; DURATION=10 bench/load.sh for a quick look
#
# 1. A throwaway PostgreSQL 15 (scripts/pgtest.sh) with the demo content (manage.py load_demo).
# 2. gunicorn, 2 sync workers, DEBUG off, production settings (plain http on loopback).
# 3. Saturation: wrk -t2 -c4 for DURATION seconds (60) on the release list, a release and the
#    home page, one after the other: requests/s, latency percentiles, non-2xx/3xx answers.
# 4. Fault: wrk on the release page for FAULT_DURATION seconds (45); PostgreSQL is stopped at
#    10 s and started again at 25 s. Every answer is counted by second and status
#    (bench/status.lua); while it is down, pages are fetched in French, Spanish and English to
#    see the language of the 503 page. (The release page, because the list may be answered
#    from the page cache, which does not need the database.)
# Raw output goes to OUTDIR (var/bench). Needs wrk (installed with apt-get when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-60}
FAULT_DURATION=${FAULT_DURATION:-45}
DOWN_AT=${DOWN_AT:-10}
UP_AT=${UP_AT:-25}
OUTDIR=${OUTDIR:-$ROOT/var/bench}
PY=$ROOT/.venv/bin/python

if [[ ${1:-} != --inside ]]; then
  command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || {
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
  make --silent venv
  exec scripts/pgtest.sh run -- "$0" --inside
fi

# --- inside: DATABASE_URL points at a fresh cluster --------------------------------------------
mkdir -p "$OUTDIR"
WORK=$(mktemp -d /tmp/iom-bench.XXXXXX)
GPID=''
cleanup() {
  set +e
  [[ -n $GPID ]] && kill -TERM "$GPID" 2>/dev/null && wait "$GPID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=iom_cms.settings DEBUG=false SECRET_KEY=bench-only-$RANDOM$RANDOM \
  ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false STATIC_ROOT=$WORK/static \
  MEDIA_ROOT=$WORK/media LOG_LEVEL=INFO CACHE_URL=locmemcache://

echo "== set-up: migrate, demo content, static files"
"$PY" manage.py migrate --noinput >"$WORK/setup.log"
"$PY" manage.py load_demo --force >>"$WORK/setup.log"
"$PY" manage.py collectstatic --noinput >>"$WORK/setup.log"
RELEASE=$("$PY" manage.py shell --no-imports -c \
  "from pressroom.models import PressRelease as P; print(P.objects.published().first().get_absolute_url('fr'))")
COUNT=$("$PY" manage.py shell --no-imports -c "from pressroom.models import PressRelease as P; print(P.objects.published().count())")
echo "   $COUNT published releases; the release measured: $RELEASE"

# The cluster's folder, to stop and start it (as its owner: the server refuses to run as root).
DATA=$("$PY" manage.py shell --no-imports -c "from django.db import connection as c; cur = c.cursor(); cur.execute('SHOW data_directory'); print(cur.fetchone()[0])")
PG_CTL=/usr/lib/postgresql/15/bin/pg_ctl
as_owner() { if [[ $EUID -eq 0 ]]; then runuser -u "$(stat -c %U "$DATA")" -- "$@"; else "$@"; fi; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
( exec "$ROOT/.venv/bin/gunicorn" iom_cms.wsgi --workers 2 --bind "127.0.0.1:$PORT" \
    --timeout 30 ) >"$OUTDIR/gunicorn.log" 2>&1 &
GPID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 100); do curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break; sleep 0.1; done
for path in /fr/ /fr/communiques/ "$RELEASE"; do curl -fsS -o /dev/null "$BASE$path"; done  # warm up

echo "== saturation: wrk -t2 -c4 -d${DURATION}s --latency, one address after the other"
for name in list release home; do
  case $name in list) path=/fr/communiques/ ;; release) path=$RELEASE ;; home) path=/fr/ ;; esac
  wrk -t2 -c4 -d"${DURATION}s" --latency "$BASE$path" | tee "$OUTDIR/$name.wrk.txt"
done

echo "== fault: PostgreSQL stopped at ${DOWN_AT}s and started at ${UP_AT}s of ${FAULT_DURATION}s"
START=$(date +%s)
wrk -t2 -c4 -d"${FAULT_DURATION}s" --latency -s bench/status.lua "$BASE$RELEASE" \
  >"$OUTDIR/fault.wrk.txt" &
WPID=$!
sleep "$DOWN_AT"
as_owner "$PG_CTL" -D "$DATA" -m fast -w stop >/dev/null
DOWN=$(date +%s)
sleep 2
for probe in "fr $RELEASE" "es /es/" "en /en/press-releases/?year=2023"; do
  read -r language path <<<"$probe"
  curl -s -o "$OUTDIR/down-$language.html" -w "   while down: $path -> %{http_code}" "$BASE$path"
  echo " $(grep -o '<html lang="..">' "$OUTDIR/down-$language.html" || true)"
done
sleep $((UP_AT - DOWN_AT - 2))
as_owner "$PG_CTL" -D "$DATA" -l "$DATA/../server.log" -w start >/dev/null
UP=$(date +%s)
wait "$WPID"
cat "$OUTDIR/fault.wrk.txt" | grep -v '^STATUS'

echo "   second (0 = start): answers by status   [down at $((DOWN - START)), up at $((UP - START))]"
awk -v start="$START" -v up="$UP" '
  /^STATUS/ { t = $2 - start; seen[t] = 1; line[t] = line[t] sprintf(" %s:%d", $3, $4)
              if ($3 >= 500 && t >= up - start + 3) late += $4 }
  END { for (t = 0; t <= 60; t++) if (seen[t]) printf "   %3d%s\n", t, line[t]
        printf "   5xx answers from 3 s after PostgreSQL was back: %d\n", late }
' "$OUTDIR/fault.wrk.txt" | tee "$OUTDIR/fault.summary.txt"

echo "== summary"
for name in list release home; do
  f=$OUTDIR/$name.wrk.txt
  printf '%-8s %8s req/s  p50 %-8s p99 %-8s non-2xx/3xx: %s  socket errors: %s\n' "$name" \
    "$(awk '/Requests\/sec/ {print $2}' "$f")" "$(awk '$1 == "50%" {print $2}' "$f")" \
    "$(awk '$1 == "99%" {print $2}' "$f")" \
    "$(awk '/Non-2xx/ {print $NF}' "$f" | grep . || echo 0)" \
    "$(grep -c 'Socket errors' "$f" || true)"
done | tee "$OUTDIR/summary.txt"
echo "   5xx in gunicorn's log outside the fault run: see $OUTDIR/gunicorn.log"
