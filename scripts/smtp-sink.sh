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

case "$action" in
  start)
    if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "SMTP sink already runs on 127.0.0.1:$port" >&2
      exit 0
    fi
    SINK_SMTP_PORT="$port" SINK_HTTP_PORT="$http_port" \
      nohup node "$root/scripts/smtp-sink/server.mjs" >"$state/$port.log" 2>&1 &
    echo $! > "$pid_file"
    for _ in $(seq 1 50); do
      if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
        "http://127.0.0.1:$http_port/messages" 2>/dev/null; then
        echo "SMTP sink started on 127.0.0.1:$port (messages: http://127.0.0.1:$http_port/messages)" >&2
        exit 0
      fi
      sleep 0.2
    done
    cat "$state/$port.log" >&2
    echo "error: the SMTP sink did not start" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then
      kill "$(cat "$pid_file")" 2>/dev/null || true
      rm -f "$pid_file"
      echo "SMTP sink on port $port stopped" >&2
    fi
    ;;
  *) echo "usage: $0 start|stop SMTP_PORT" >&2; exit 2 ;;
esac
