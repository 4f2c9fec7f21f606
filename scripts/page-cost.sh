#!/usr/bin/env bash
# The page's cost (issue 15; docs/benchmarks.md): 50 signed-in citizens with
# about 100 events each (synthetic citizens 1 to 50), 50 connections asking
# as fast as the server answers, PAGE_COST_SECONDS (20) per page: /min-log
# (uncompressed, as wrk asks by default, and compressed, as a browser asks),
# /henvendelser, an information page for a visitor, /healthz.
#
#   scripts/page-cost.sh URL
#
# The release server at URL serves the database that INDBLIK_CONFIG_FILE and
# INDBLIK_DATABASE_URL name (run by `make bench` and `make loadtest`). Waits
# first (up to PAGE_COST_WAIT seconds, 120) until the flag job has no batches
# left to read, so its work does not take the cores the pages are measured
# on, and says so when it still has.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
url="$1"
seconds="${PAGE_COST_SECONDS:-20}"
out=target/page-cost
mkdir -p "$out"

waited=0
while :; do
  pending=$(psql "$INDBLIK_DATABASE_URL" -Atc "SELECT count(*) FROM flag_pending_batches")
  [ "$pending" = 0 ] && break
  if [ "$waited" -ge "${PAGE_COST_WAIT:-120}" ]; then
    echo "NOTE: measured while the flag job still had $pending batches to read"
    break
  fi
  echo "waiting for the flag job: $pending batches left"
  sleep 10
  waited=$((waited + 10))
done

target/release/bench load-sessions --first-citizen 1 --sessions 50 --out "$out"
# A visitor sends a cookie the portal does not know.
echo "indblik-visitor=1" >"$out/visitor.txt"

# measure PAGE COOKIES [ENCODINGS]
measure() {
  local page=$1 cookies=$2 encodings=${3:-}
  echo "== $page, 50 connections, $seconds s${encodings:+, Accept-Encoding: $encodings}"
  wrk --threads 2 --connections 50 --duration "${seconds}s" --timeout 10s \
    --script scripts/loadtest/browse.lua "$url" -- "$cookies" "$page" 0 0 ${encodings:+"$encodings"} | tail -n 3
}
measure /min-log "$out/cookies.txt"
# As a browser asks (Chromium's Accept-Encoding): compressed per request.
measure /min-log "$out/cookies.txt" "gzip, deflate, br, zstd"
measure /henvendelser "$out/cookies.txt"
measure /om-portalen "$out/visitor.txt"
measure /healthz "$out/visitor.txt"
