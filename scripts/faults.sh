#!/usr/bin/env bash
# make faults: only the fault tests (server/tests/integration/faults/),
# which `make test` runs too: the database cut while pages, API batches and
# requests are on their way (through a TCP proxy in the test; PostgreSQL
# itself killed with -9 and started again), the database's disk full, and
# `server import` killed halfway. Starts the local PostgreSQL and the test
# identity provider when they are not running. Results: docs/reliability.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-tools.sh test >/dev/null
export SQLX_OFFLINE=true
base="${DATABASE_URL:-$(scripts/db.sh start | sed -n 's/^DATABASE_URL=//p')}"
export DATABASE_URL="${base%/*}/postgres"
port="${TEST_IDP_PORT:-4100}"
# Stops at the end only the providers this script started.
started=()
for provider in "citizen $port" "staff $((port + 1))"; do
  set -- $provider
  said="$(scripts/idp.sh start "$1" "$2" http://127.0.0.1:3000 http://127.0.0.1:3100 2>&1)"
  echo "$said"
  if [[ "$said" == *started* ]]; then
    started+=("$1 $2")
  fi
done
stop_started() {
  for provider in "${started[@]}"; do
    set -- $provider
    scripts/idp.sh stop "$1" "$2"
  done
}
trap stop_started EXIT
export TEST_CITIZEN_ISSUER="http://127.0.0.1:$port" TEST_STAFF_ISSUER="http://127.0.0.1:$((port + 1))"
cargo test -p server --test integration faults -- --nocapture
