#!/usr/bin/env bash
# Starts or stops a local test identity provider (scripts/idp/server.mjs) in
# the background, listening on 127.0.0.1 only.
#
#   scripts/idp.sh start citizen|staff PORT REDIRECT_BASE...
#       each base gets the portal's callback path for that realm
#       (/auth/callback for citizens, /auth/medarbejder/callback for staff)
#   scripts/idp.sh stop citizen|staff PORT
#
# The client id and secret are the development values of
# scripts/development.toml; the provider is for development and tests only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
action="$1" realm="$2" port="$3"
shift 3
state="$root/.local/idp"
pid_file="$state/$realm-$port.pid"
mkdir -p "$state"

case "$action" in
  start)
    if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "test identity provider ($realm) already runs on 127.0.0.1:$port" >&2
      exit 0
    fi
    callback=/auth/callback
    [ "$realm" = staff ] && callback=/auth/medarbejder/callback
    redirects="" logouts=""
    for base in "$@"; do
      redirects="${redirects:+$redirects,}$base$callback"
      logouts="${logouts:+$logouts,}$base/"
    done
    IDP_PORT="$port" IDP_CLIENT_ID=indblik-dev IDP_CLIENT_SECRET=indblik-dev-secret \
      IDP_REDIRECT_URIS="$redirects" IDP_POST_LOGOUT_REDIRECT_URIS="$logouts" IDP_KEY_DIR="$state" \
      nohup node "$root/scripts/idp/server.mjs" "$realm" >"$state/$realm-$port.log" 2>&1 &
    echo $! > "$pid_file"
    for _ in $(seq 1 50); do
      # Node is here anyway (curl may not be on a fresh machine).
      if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
        "http://127.0.0.1:$port/.well-known/openid-configuration" 2>/dev/null; then
        echo "test identity provider ($realm) started on http://127.0.0.1:$port" >&2
        exit 0
      fi
      sleep 0.2
    done
    cat "$state/$realm-$port.log" >&2
    echo "error: the test identity provider did not start" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then
      kill "$(cat "$pid_file")" 2>/dev/null || true
      rm -f "$pid_file"
      echo "test identity provider ($realm) on port $port stopped" >&2
    fi
    ;;
  *) echo "usage: $0 start|stop citizen|staff PORT [REDIRECT_BASE...]" >&2; exit 2 ;;
esac
