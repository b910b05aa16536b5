#!/usr/bin/env bash
# Compiles each translation catalogue (src/vigil/locale/<language>/LC_MESSAGES/django.po) into the
# .mo file Django reads, as `vigil compilemessages` would. The .mo files are built here, by
# `make demo` and `make test`, and never kept in git, so they always match their .po files; a
# catalogue whose placeholders msgfmt finds broken stops the build.
set -euo pipefail
cd "$(dirname "$0")/../src/vigil/locale"
if ! command -v msgfmt >/dev/null 2>&1; then
  echo "msgfmt (Debian's gettext) is missing: Vigil's pages stay in English until it is installed."
  exit 0
fi
for po in */LC_MESSAGES/*.po; do
  mo=${po%.po}.mo
  if [ ! -e "$mo" ] || [ "$po" -nt "$mo" ]; then
    msgfmt --check-format -o "$mo" "$po"
  fi
done
