#!/usr/bin/env bash
# System libraries Vigil needs beyond Python: Pango and fonts for PDF dossiers (WeasyPrint) and
# pages (DejaVu; Noto Nastaliq Urdu and Naskh Arabic for Urdu), gettext's msgfmt to compile the
# translation catalogues, OCRmyPDF and Tesseract for scans, and, with --browser, Debian's Chromium
# for the browser tests.
# Installs what is missing where it can (as root with apt-get); elsewhere it says what to install
# and carries on.
set -uo pipefail

want=()
# Each listing is read whole before it is searched: `ldconfig -p | grep -q` under pipefail fails
# whenever grep stops at the first match and ldconfig dies of SIGPIPE, so installed libraries
# looked missing now and then.
libraries=$(ldconfig -p 2>/dev/null)
fonts=$(fc-list 2>/dev/null)
[[ $libraries == *libpango-1.0.so* ]] || want+=(libpango-1.0-0 libpangoft2-1.0-0)
[[ ${fonts,,} == *dejavu* ]] || want+=(fonts-dejavu-core)
# Urdu is written in Nastaliq; Naskh is its fallback. Both come in Debian's fonts-noto-core.
[[ ${fonts,,} == *"noto nastaliq urdu"* ]] || want+=(fonts-noto-core)
command -v msgfmt >/dev/null 2>&1 || want+=(gettext)
# OCR of scanned PDFs and images: OCRmyPDF and Tesseract with the languages of the cases served.
command -v ocrmypdf >/dev/null 2>&1 || want+=(ocrmypdf)
languages=$(tesseract --list-langs 2>/dev/null)
for language in eng aze rus tur urd; do
  grep -qx "$language" <<<"$languages" || want+=("tesseract-ocr-$language")
done
if [ "${1:-}" = "--browser" ] && [ -z "${VIGIL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  want+=(chromium)
fi
[ ${#want[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== Installing system packages: ${want[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null \
    || echo "Could not install ${want[*]}: PDF dossiers, OCR or browser tests may not work."
else
  echo "Missing system packages (install them for PDF dossiers, OCR and browser tests): ${want[*]}"
fi
exit 0
