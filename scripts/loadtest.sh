#!/usr/bin/env bash
# make loadtest: the release server on loopback under people's load while a
# source system delivers events (issue 15; results in docs/benchmarks.md).
#
# A fresh database `indblik_load` with the demo municipality and
# LOAD_EVENTS synthetic events over LOAD_CITIZENS citizens (default
# 2,000,000 over 20,000: about 100 each); LOAD_SESSIONS (200) signed-in
# citizens browse /min-log and /henvendelser with 1-3 s between pages, each
# with their own session on a connection of their own, asking for
# compressed pages as browsers do (`bench browse`), for LOAD_SECONDS (60)
# while `bench feed` sends LOAD_RATE (5,000) events a second to the API. Prints throughput, latency
# percentiles, errors and the server's peak memory. Then the page's cost
# (scripts/page-cost.sh: 50 typical citizens, 50 connections, no pauses).
# LOAD_REUSE=1 keeps the database of the last run. Bounded in time: about
# 5 minutes on 2 cores after the build and the load.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
events="${LOAD_EVENTS:-2000000}"
citizens="${LOAD_CITIZENS:-20000}"
sessions="${LOAD_SESSIONS:-200}"
seconds="${LOAD_SECONDS:-60}"
rate="${LOAD_RATE:-5000}"
addr=127.0.0.1:3300
out=target/loadtest

# shellcheck source=scripts/measuring.sh
. scripts/measuring.sh
install_wrk
scripts/install-tools.sh run >/dev/null

echo "== build (release)"
SQLX_OFFLINE=true cargo build --release -p server --bins

base="${DATABASE_URL:-$(scripts/db.sh start | sed -n 's/^DATABASE_URL=//p')}"
server_url="${base%/*}"
export INDBLIK_CONFIG_FILE=scripts/development.toml
export INDBLIK_DATABASE_URL="$server_url/indblik_load"
export INDBLIK_LOG_FILTER=warn
if [ "${LOAD_REUSE:-0}" != 1 ]; then
  psql "$server_url/postgres" -qc "DROP DATABASE IF EXISTS indblik_load WITH (FORCE)" -c "CREATE DATABASE indblik_load"
  echo "== load $events synthetic events over $citizens citizens"
  target/release/server demo-data --events "$events" --citizens "$citizens" --seed 1
  psql "$INDBLIK_DATABASE_URL" -qc "VACUUM ANALYZE"
fi
mkdir -p "$out"
target/release/bench load-sessions --sessions "$sessions" --out "$out"

echo "== serve on $addr"
serve_release "$addr" "$out/server.log"

echo "== $sessions citizens browsing for $seconds s while a source system sends $rate events/s"
target/release/bench feed --url "http://$addr" --rate "$rate" --seconds "$seconds" >"$out/feed.txt" &
feed=$!
target/release/bench browse --url "http://$addr" --seconds "$seconds" --out "$out" | tee "$out/browse.txt"
wait "$feed"
tail -n 1 "$out/feed.txt"
echo "server peak memory: $(awk '/VmHWM/ {print $2, $3}' "/proc/$server/status")"

echo "== the page's cost"
scripts/page-cost.sh "http://$addr"
