#!/usr/bin/env bash
# make bench: builds release binaries, fills a fresh database `indblik_bench`
# with the demo municipality and BENCH_EVENTS synthetic events over
# BENCH_CITIZENS citizens (default 20,000,000 over 200,000), then runs the
# measurements in server/src/bin/bench/main.rs, then the page's cost under 50
# connections against the release server (scripts/page-cost.sh; `pages`
# among the arguments chooses it alone). Results: docs/benchmarks.md.
# Needs about 10 GB of disk and, on 2 cores, about 15 minutes (docs/benchmarks.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
events="${BENCH_EVENTS:-20000000}"
citizens="${BENCH_CITIZENS:-200000}"

if [ -z "${DATABASE_URL:-}" ]; then
  # Durable (fsync, full-page writes) with memory settings for a 24 GB
  # machine, as production would run; the test cluster runs without fsync.
  scripts/db.sh stop >/dev/null 2>&1 || true
  export PG_SERVER_OPTIONS="-c shared_buffers=4GB -c max_wal_size=8GB -c effective_cache_size=12GB -c work_mem=64MB"
fi
base="${DATABASE_URL:-$(scripts/db.sh start | sed -n 's/^DATABASE_URL=//p')}"
server_url="${base%/*}"
if [ "${BENCH_REUSE:-0}" != 1 ]; then
  psql "$server_url/postgres" -qc "DROP DATABASE IF EXISTS indblik_bench WITH (FORCE)" -c "CREATE DATABASE indblik_bench"
fi
export INDBLIK_CONFIG_FILE=scripts/development.toml
export INDBLIK_DATABASE_URL="$server_url/indblik_bench"
export INDBLIK_LOG_FILTER=warn

echo "== build (release)"
SQLX_OFFLINE=true cargo build --release -p server --bins

echo "== machine"
nproc; free -g | head -2; psql "$server_url/postgres" -Atc "SELECT version()"
psql "$server_url/postgres" -Atc "SELECT name || ' = ' || setting || COALESCE(' ' || unit, '') FROM pg_settings
  WHERE name IN ('fsync', 'full_page_writes', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'work_mem')"

if [ "${BENCH_REUSE:-0}" != 1 ]; then
  echo "== load $events synthetic events over $citizens citizens"
  start=$(date +%s)
  target/release/server demo-data --events "$events" --citizens "$citizens" --seed 1
  end=$(date +%s)
  echo "loaded in $((end - start)) s ($((events / (end - start + 1))) events/s through the batch path)"
  psql "$INDBLIK_DATABASE_URL" -qc "VACUUM ANALYZE"
fi
psql "$INDBLIK_DATABASE_URL" -Atc "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"

# `pages` is this script's measurement; the others are the bench binary's.
measures=()
pages=$([ $# = 0 ] && echo 1 || echo 0)
for measure in "$@"; do
  if [ "$measure" = pages ]; then pages=1; else measures+=("$measure"); fi
done
if [ $# = 0 ] || [ ${#measures[@]} -gt 0 ]; then
  echo "== measurements"
  target/release/bench "${measures[@]}"
fi

if [ "$pages" = 1 ]; then
  # shellcheck source=scripts/measuring.sh
  . scripts/measuring.sh
  install_wrk
  addr=127.0.0.1:3301
  echo "== the page's cost (release server on $addr)"
  serve_release "$addr" target/bench-server.log
  scripts/page-cost.sh "http://$addr"
fi
