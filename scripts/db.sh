#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests, in .local/pg/ of the
# checkout (ignored by git), listening on 127.0.0.1 only.
#
#   scripts/db.sh start   create the cluster if needed, start it, create the
#                         database `indblik`, print DATABASE_URL=...
#   scripts/db.sh url     print the connection URL of the running cluster
#   scripts/db.sh stop    stop the cluster (make db-stop)
#   scripts/db.sh status  say whether it runs
#
# initdb refuses to run as root, so as root the cluster belongs to the
# `postgres` user. Trust authentication on loopback; fsync off: this cluster is
# for development and tests only, never for real data. PG_SERVER_OPTIONS
# replaces the fsync settings when the cluster starts (make bench runs it
# durable, with production-like memory settings).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.local/pg"
data="$dir/data"
port_file="$dir/port"

pg_bin() {
  local candidate
  for candidate in "${PG_BIN:-}" "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then echo "$candidate"; return; fi
  done
  echo "error: PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql or set PG_BIN" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 - "$@" <<'PY'
import socket, sys
for port in [int(p) for p in sys.argv[1:]] + [0]:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        print(s.getsockname()[1])
        break
    except OSError:
        pass
    finally:
        s.close()
PY
}

url() { echo "postgres://postgres@127.0.0.1:$(cat "$port_file")/indblik"; }

running() { [ -f "$data/postmaster.pid" ] && as_owner "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  local bin; bin="$(pg_bin)"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  if ! running; then
    local port; port="$(free_port "$(cat "$port_file" 2>/dev/null || echo 54329)")"
    echo "$port" > "$port_file"
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 ${PG_SERVER_OPTIONS:--c fsync=off -c full_page_writes=off} -c max_connections=200" start >/dev/null \
      || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    echo "PostgreSQL started on 127.0.0.1:$port (data in .local/pg; stop with: make db-stop)" >&2
  fi
  if ! psql "postgres://postgres@127.0.0.1:$(cat "$port_file")/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = 'indblik'" | grep -q 1; then
    psql "postgres://postgres@127.0.0.1:$(cat "$port_file")/postgres" -qc "CREATE DATABASE indblik" >/dev/null
  fi
  echo "DATABASE_URL=$(url)"
}

stop() {
  if running; then
    as_owner "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped" >&2
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) running || { echo "error: the local PostgreSQL is not running (scripts/db.sh start)" >&2; exit 1; }; url ;;
  status) if running; then echo "running: $(url)"; else echo "stopped"; fi ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
