#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium binary (used by the tests that open the HTML forms in a
# real browser). When none is installed and we are root on Debian/Ubuntu, installs the distribution's
# `chromium` package with apt-get first. Exits non-zero with a message on stderr when no browser can be had.
set -euo pipefail

find_browser() {
  local c
  for c in "${CHROMIUM:-}" chromium chromium-browser google-chrome-stable google-chrome; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

if find_browser; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium.sh: no Chromium found and not root: install the 'chromium' package (apt-get install chromium) or set CHROMIUM=/path/to/chrome" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium.sh: no Chromium found and no apt-get here: install Chromium or set CHROMIUM=/path/to/chrome" >&2
  exit 1
fi

echo "chromium.sh: installing Debian's chromium package ..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends chromium >&2; then
  apt-get update >&2
  apt-get install -y --no-install-recommends chromium >&2 || {
    echo "chromium.sh: apt-get could not install chromium" >&2
    exit 1
  }
fi

if find_browser; then
  exit 0
fi
echo "chromium.sh: chromium was installed but no binary is on PATH" >&2
exit 1
