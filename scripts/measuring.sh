# Shared by the scripts that measure the release server under load
# (scripts/bench.sh, scripts/loadtest.sh). Source it; it defines functions only.

# install_wrk: wrk from Debian's package, unless it is there already.
install_wrk() {
  command -v wrk >/dev/null && return 0
  echo "== install wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk; else sudo apt-get install -y -q wrk; fi
}

# serve_release ADDR LOG_FILE
#   Starts target/release/server serve on ADDR (the INDBLIK_* settings of
#   the caller), stops it when the calling script exits, and waits up to
#   60 s for /readyz (migrations and hashing the static files come first);
#   shows the log and fails if it never answers. Sets `server` to its pid.
serve_release() {
  local addr="$1" log="$2"
  INDBLIK_LISTEN_ADDR="$addr" target/release/server serve >"$log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    curl -sf "http://$addr/readyz" >/dev/null && return 0
    sleep 1
  done
  cat "$log" >&2
  echo "error: the release server on $addr did not become ready" >&2
  return 1
}
