#!/usr/bin/env bash
# `make demo` once the virtual environment is ready: set up the data and serve it, printing how to
# sign in last of all, once the server answers, so the set-up and start-up output never buries it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin

bash scripts/system-deps.sh
bash scripts/compile-messages.sh
"$BIN/vigil" migrate --no-input
"$BIN/vigil" load-demo
sign_in=$("$BIN/vigil" demo-user)

host=${VIGIL_HOST:-127.0.0.1}
port=${VIGIL_PORT:-8000}
# A server listening on every address is reached from this machine through the loopback.
case $host in
  0.0.0.0) url="http://127.0.0.1:$port/" ;;
  :: | "[::]") url="http://[::1]:$port/" ;;
  *:*) url="http://[${host#[}" && url="${url%]}]:$port/" ;;
  *) url="http://$host:$port/" ;;
esac

# The server replaces this shell, so Ctrl-C stops it as usual; its output goes through
# demo_ready.py, which adds the sign-in box under it once the server and its worker are up.
export PYTHONUNBUFFERED=1  # each line as it is written, so the box lands after them
exec "$BIN/vigil" serve --host "$host" --port "$port" \
  > >(DEMO_SIGN_IN=$sign_in "$BIN/python" scripts/demo_ready.py "$url") 2>&1
