#!/usr/bin/env bash
# Installs what the project needs and is missing: npm packages (npm ci, when node_modules is absent
# or older than package-lock.json) and, with --browser, Debian's Chromium for real-browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "▶ npm ci"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
  if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "▶ apt-get install -y chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "✖ Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)" >&2
    echo "  or point CHROMIUM_PATH at a Chromium/Chrome binary, then run this again." >&2
    exit 1
  fi
fi
