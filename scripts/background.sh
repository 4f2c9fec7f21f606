# Shared by the scripts that start a local helper in the background
# (scripts/idp.sh, scripts/smtp-sink.sh). Source it; it defines functions only.

# start_in_background NAME PID_FILE LOG_FILE READY_URL COMMAND...
#   Runs COMMAND in the background (unless PID_FILE names a live process),
#   then waits up to 10 s for READY_URL to answer 2xx. Node does the check:
#   it is here anyway, curl may not be on a fresh machine.
start_in_background() {
  local name="$1" pid_file="$2" log="$3" ready="$4"
  shift 4
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "$name already runs" >&2
    return 0
  fi
  nohup "$@" >"$log" 2>&1 &
  echo $! > "$pid_file"
  for _ in $(seq 1 50); do
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "$ready" 2>/dev/null; then
      echo "$name started" >&2
      return 0
    fi
    sleep 0.2
  done
  cat "$log" >&2
  echo "error: $name did not start" >&2
  return 1
}

# stop_background NAME PID_FILE
stop_background() {
  if [ -f "$2" ]; then
    kill "$(cat "$2")" 2>/dev/null || true
    rm -f "$2"
    echo "$1 stopped" >&2
  fi
}
