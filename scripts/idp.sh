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

# shellcheck source=scripts/background.sh
. "$root/scripts/background.sh"
name="test identity provider ($realm) on http://127.0.0.1:$port"

case "$action" in
  start)
    callback=/auth/callback
    [ "$realm" = staff ] && callback=/auth/medarbejder/callback
    redirects="" logouts=""
    for base in "$@"; do
      redirects="${redirects:+$redirects,}$base$callback"
      logouts="${logouts:+$logouts,}$base/"
    done
    start_in_background "$name" "$pid_file" "$state/$realm-$port.log" \
      "http://127.0.0.1:$port/.well-known/openid-configuration" \
      env IDP_PORT="$port" IDP_CLIENT_ID=indblik-dev IDP_CLIENT_SECRET=indblik-dev-secret \
      IDP_REDIRECT_URIS="$redirects" IDP_POST_LOGOUT_REDIRECT_URIS="$logouts" IDP_KEY_DIR="$state" \
      node "$root/scripts/idp/server.mjs" "$realm"
    ;;
  stop) stop_background "$name" "$pid_file" ;;
  *) echo "usage: $0 start|stop citizen|staff PORT [REDIRECT_BASE...]" >&2; exit 2 ;;
esac
