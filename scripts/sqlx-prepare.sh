#!/usr/bin/env bash
# Refreshes the committed offline query data (.sqlx/) from a fresh database
# with every migration applied. Run after changing a query or a migration.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-tools.sh test >/dev/null
base="${DATABASE_URL:-$(scripts/db.sh start | sed -n 's/^DATABASE_URL=//p')}"
server_url="${base%/*}"
psql "$server_url/postgres" -qc "DROP DATABASE IF EXISTS indblik_sqlx_prepare WITH (FORCE)" -c "CREATE DATABASE indblik_sqlx_prepare" >/dev/null
export DATABASE_URL="$server_url/indblik_sqlx_prepare"
cargo sqlx migrate run --source migrations
SQLX_OFFLINE=false cargo sqlx prepare --workspace -- --all-targets
