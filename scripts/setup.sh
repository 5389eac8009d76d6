#!/usr/bin/env bash
# Set up everything tei-tool needs on a fresh machine; safe to run again.
#   scripts/setup.sh          Python venv with tei-tool (main job)
#   scripts/setup.sh --test   also test tools: pytest & co, chromium, jing, Nu checker, axe-core
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

apt_install() {   # apt_install PKG...: install the Debian packages that are not installed yet
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if [ ! -f .venv/.apt-updated ]; then $SUDO apt-get update -qq && mkdir -p .venv && touch .venv/.apt-updated; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-$want_test
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  if [ $want_test = 1 ]; then .venv/bin/pip install -q -e '.[test]'; else .venv/bin/pip install -q -e .; fi
  touch "$stamp"
fi
# WeasyPrint needs Pango; fonts that cover every character of the sources.
apt_install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core
# Print tests save page images of the PDF volume with pdftoppm.
apt_install poppler-utils
# English word list (proper nouns capitalised): tells supplied English from Russian and names.
apt_install wamerican

if [ $want_test = 1 ]; then
  apt_install jing chromium time
  apt_install nodejs openjdk-17-jre-headless
  # HTML tests: axe-core (accessibility) and the Nu HTML Checker, pinned in package-lock.json
  [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
