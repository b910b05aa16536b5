#!/usr/bin/env bash
# The whole test suite: lint, migrations, then pytest on SQLite and again on PostgreSQL.
# Called by `make test` (which has installed the virtual environment first).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

# System libraries for PDF dossiers, and Debian's Chromium for the browser tests.
bash scripts/system-deps.sh --browser
bash scripts/compile-messages.sh

echo "== Lint"
$BIN/ruff check .
$BIN/ruff format --check .
$BIN/lint-imports --no-cache  # the floors of the house: pyproject.toml's [tool.importlinter]

DATA_DIR=$(mktemp -d)
trap 'rm -rf "$DATA_DIR"' EXIT
export VIGIL_DATA_DIR="$DATA_DIR"
PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/vigil}"
unset DATABASE_URL

echo "== Migrations are up to date"
$BIN/vigil makemigrations --check --dry-run

echo "== Tests on SQLite"
$BIN/pytest "$@"

if $BIN/python - "$PG_URL" <<'PY' 2>/dev/null
import sys
import dj_database_url
import psycopg

db = dj_database_url.parse(sys.argv[1])
psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                password=db["PASSWORD"], dbname="postgres", connect_timeout=5).close()
PY
then
  echo "== Tests on PostgreSQL"
  DATABASE_URL="$PG_URL" $BIN/pytest "$@"
elif [ "${VIGIL_REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL is required (VIGIL_REQUIRE_POSTGRES=1) but not reachable at $PG_URL" >&2
  exit 1
else
  echo "== PostgreSQL not reachable at $PG_URL: its run is skipped"
fi
