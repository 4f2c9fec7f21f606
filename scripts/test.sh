#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every check in order and
# stops at the first failure: formatting, offline query data, clippy for the
# server and the browser build, unit and integration tests against a real
# PostgreSQL, the site build, the Playwright tests in Debian's Chromium, and
# the release build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

scripts/install-tools.sh test

# Builds read the committed query data in .sqlx/, never a live database.
export SQLX_OFFLINE=true

step "cargo fmt --check"
cargo fmt --all --check

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL="$(scripts/db.sh start | sed -n 's/^DATABASE_URL=//p')"
  started_db=1
  trap 'scripts/db.sh stop' EXIT
fi
export DATABASE_URL
server_url="${DATABASE_URL%/*}"

fresh_database() {
  # Drops and creates database $1 on the test server; prints its URL.
  psql "$server_url/postgres" -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\"" >/dev/null
  echo "$server_url/$1"
}

step "offline query data (.sqlx) matches the migrations and the code"
schema_url="$(fresh_database indblik_schema_check)"
DATABASE_URL="$schema_url" cargo sqlx migrate run --source migrations >/dev/null
DATABASE_URL="$schema_url" SQLX_OFFLINE=false cargo sqlx prepare --workspace --check -- --all-targets

step "clippy (server, ssr)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy (browser, hydrate on wasm32)"
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

# One test identity provider for the integration tests (portal address
# http://127.0.0.1:3000, never actually served) and the end-to-end tests (3100).
# Citizens (MitID broker) on TEST_IDP_PORT, staff (workforce IdP) on the next port.
TEST_IDP_PORT="${TEST_IDP_PORT:-4100}"
TEST_STAFF_IDP_PORT=$((TEST_IDP_PORT + 1))
# The SMTP sink the mail tests deliver to, and where they read what arrived.
TEST_SMTP_PORT=$((TEST_IDP_PORT + 2))
stop_all() {
  scripts/idp.sh stop citizen "$TEST_IDP_PORT"
  scripts/idp.sh stop staff "$TEST_STAFF_IDP_PORT"
  scripts/smtp-sink.sh stop "$TEST_SMTP_PORT"
  if [ -n "${started_db:-}" ]; then scripts/db.sh stop; fi
}
trap stop_all EXIT
scripts/idp.sh start citizen "$TEST_IDP_PORT" http://127.0.0.1:3000 http://127.0.0.1:3100
scripts/idp.sh start staff "$TEST_STAFF_IDP_PORT" http://127.0.0.1:3000 http://127.0.0.1:3100
export TEST_CITIZEN_ISSUER="http://127.0.0.1:$TEST_IDP_PORT"
export TEST_STAFF_ISSUER="http://127.0.0.1:$TEST_STAFF_IDP_PORT"
scripts/smtp-sink.sh start "$TEST_SMTP_PORT"
export TEST_SMTP_URL="smtp://127.0.0.1:$TEST_SMTP_PORT"
export TEST_SMTP_INBOX="http://127.0.0.1:$((TEST_SMTP_PORT + 1))/messages"

step "unit and integration tests (PostgreSQL at ${server_url#*@})"
# A hung test fails the run after 15 minutes instead of stalling CI.
# (Tests run in parallel again: the render that now and then never finished
# was a page polled while another test generated its route list; the route
# list is now generated once per process, see server/src/http/mod.rs.)
timeout --signal=TERM 900 cargo test --workspace

step "build the site (cargo leptos build)"
cargo leptos build
# No compressed copies of an earlier `make release` in place of the new files.
node scripts/precompress.mjs --clean target/site

step "end-to-end tests (Playwright, Chromium)"
E2E_DATABASE_URL="$(fresh_database indblik_e2e)"
export E2E_DATABASE_URL
# The demo municipality and the demo citizens' access log, with the same
# configuration (and so the same subject-key pepper) as the server under test.
INDBLIK_CONFIG_FILE=scripts/development.toml INDBLIK_DATABASE_URL="$E2E_DATABASE_URL" \
  INDBLIK_LOG_FILTER=warn target/debug/server demo-data
(cd end2end && npx playwright test)

# The production build (optimised, size-focused WebAssembly run through
# wasm-opt; a release server), so it cannot break unnoticed again, and the
# WebAssembly's size budget as served (400 KB brotli).
step "build the release site (cargo leptos build --release)"
cargo leptos build --release
step "the WebAssembly's size budget"
node scripts/asset-budget.mjs target/site/pkg

printf '\nmake test: every check passed\n'
