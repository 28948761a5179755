#!/usr/bin/env bash
# `npm test`: installs what is missing, then runs every check in tiers (STYLE.md item 13):
# format, lint, types, unit tests, both packages (built, Firefox-linted, zipped), then the
# real-browser suite in Chromium. Ends with one "N passed, N failed" line over all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser

log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() { echo; echo "▶ $*"; "$@"; }
tests() { echo; echo "▶ $*"; "$@" 2>&1 | tee -a "$log"; }

step npx prettier --check .
step npx eslint .
step npx tsc --noEmit
tests npx vitest run
# Builds both browsers, lints the Firefox build (errors fail), zips both and prints their sizes.
step npx tsx scripts/package.ts
tests npx vitest run --config vitest.e2e.config.ts

# vitest prints "Tests  N passed (N)" (and "N failed" when any did) per run; add them up.
summary=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s+Tests\s' || true)
count() { echo "$summary" | awk -v word="$1" '{ for (i = 2; i <= NF; i++) if ($i == word) s += $(i - 1) } END { print s + 0 }'; }
passed=$(count passed)
failed=$(count failed)
echo
echo "✔ all checks passed"
echo "tests: ${passed} passed, ${failed} failed"
