#!/usr/bin/env bash
# Starts or stops the local SMTP sink (scripts/smtp-sink/server.mjs) in the
# background, listening on 127.0.0.1 only.
#
#   scripts/smtp-sink.sh start SMTP_PORT   (messages listed on SMTP_PORT + 1)
#   scripts/smtp-sink.sh stop SMTP_PORT
#
# For development (`make run`) and tests only: it accepts anything and keeps
# the messages in memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
action="$1" port="$2"
state="$root/.local/smtp-sink"
pid_file="$state/$port.pid"
http_port=$((port + 1))
mkdir -p "$state"

# shellcheck source=scripts/background.sh
. "$root/scripts/background.sh"
name="SMTP sink on 127.0.0.1:$port (messages: http://127.0.0.1:$http_port/messages)"

case "$action" in
  start)
    start_in_background "$name" "$pid_file" "$state/$port.log" "http://127.0.0.1:$http_port/messages" \
      env SINK_SMTP_PORT="$port" SINK_HTTP_PORT="$http_port" node "$root/scripts/smtp-sink/server.mjs"
    ;;
  stop) stop_background "$name" "$pid_file" ;;
  *) echo "usage: $0 start|stop SMTP_PORT" >&2; exit 2 ;;
esac
