#!/usr/bin/env bash
# `npm test`: installs what is missing, then runs every check in tiers (STYLE.md item 13):
# format, lint, types, unit tests, both builds, then the real-browser suite in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser

step() { echo; echo "▶ $*"; "$@"; }
step npx prettier --check .
step npx eslint .
step npx tsc --noEmit
step npx vitest run
step npx vite build --logLevel warn
step npx vite build --mode firefox --logLevel warn
step npx web-ext lint --source-dir dist-firefox --self-hosted
step npx vitest run --config vitest.e2e.config.ts
echo
echo "✔ all checks passed"
