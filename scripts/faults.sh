#!/usr/bin/env bash
# make faults: only the fault tests (server/tests/integration/faults.rs),
# which `make test` runs too: the database cut while pages, API batches and
# requests are on their way (through a TCP proxy in the test), and
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
scripts/idp.sh start citizen "$port" http://127.0.0.1:3000 http://127.0.0.1:3100
scripts/idp.sh start staff "$((port + 1))" http://127.0.0.1:3000 http://127.0.0.1:3100
trap 'scripts/idp.sh stop citizen "$port"; scripts/idp.sh stop staff "$((port + 1))"' EXIT
export TEST_CITIZEN_ISSUER="http://127.0.0.1:$port" TEST_STAFF_ISSUER="http://127.0.0.1:$((port + 1))"
cargo test -p server --test integration faults -- --nocapture
