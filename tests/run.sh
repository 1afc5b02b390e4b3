#!/usr/bin/env bash
# Install everything the tests need on a fresh machine (Debian packages included), then run them.
set -euo pipefail
cd "$(dirname "$0")/.."
MISSING=""
command -v chromium >/dev/null 2>&1 || MISSING="chromium fonts-noto-cjk"
# LibreOffice converts the Word redline to PDF in tests/test_docx.py (writer only, no recommends: ~300 MB less).
command -v soffice >/dev/null 2>&1 || MISSING="$MISSING libreoffice-writer"
if [ -n "$MISSING" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $MISSING >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
