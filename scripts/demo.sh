#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the extension and shows it at work on the bundled
# sample privacy policy (a window with a display; screenshots + JSON in out/demo/ without one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser
npx vite build --logLevel warn
npx tsx scripts/demo.ts "$@"
