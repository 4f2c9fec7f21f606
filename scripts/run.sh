#!/usr/bin/env bash
# `make run`: installs what is missing, starts a local PostgreSQL when
# DATABASE_URL is not set, builds the site, applies migrations, loads the demo
# municipality, starts the local test identity providers on 127.0.0.1:4000
# and 4001 and the SMTP sink on 127.0.0.1:2525 (messages listed at
# http://127.0.0.1:2526/messages), and serves the portal at http://127.0.0.1:3000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/install-tools.sh run
export SQLX_OFFLINE=true

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL="$(scripts/db.sh start | sed -n 's/^DATABASE_URL=//p')"
  echo "run: using the local PostgreSQL at $DATABASE_URL (keeps running; stop it with: make db-stop)"
fi
export INDBLIK_DATABASE_URL="$DATABASE_URL"
export INDBLIK_CONFIG_FILE="${INDBLIK_CONFIG_FILE:-scripts/development.toml}"

cargo leptos build
# No compressed copies of an earlier `make release` in place of the new files.
node scripts/precompress.mjs --clean target/site
scripts/idp.sh start citizen 4000 http://127.0.0.1:3000
scripts/idp.sh start staff 4001 http://127.0.0.1:3000
scripts/smtp-sink.sh start 2525
trap 'scripts/idp.sh stop citizen 4000; scripts/idp.sh stop staff 4001; scripts/smtp-sink.sh stop 2525' EXIT
target/debug/server demo-data
echo "run: Indblik is served at http://127.0.0.1:3000 (Ctrl-C stops it)"
echo "run: test MitID at http://127.0.0.1:4000, test staff login at http://127.0.0.1:4001 (accounts: README.md)"
echo "run: e-mail the portal sends: http://127.0.0.1:2526/messages"
target/debug/server serve
