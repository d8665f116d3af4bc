#!/usr/bin/env bash
# The README's first command: set up on a fresh machine, build the VSIX, print the CLI's report on
# the bundled examples, and serve them in a real VS Code (code-server) on 127.0.0.1.
# Supported: Debian 12 / Ubuntu 22.04 or later on x64, as root or with sudo, Node 20+ on PATH.
# Measured on 2 cores: about 7 minutes on a fresh machine (npm ci, apt, code-server 5 min), 30 seconds after.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[demo] npm ci (installs the build and test tools; about a minute)"
  npm ci --no-audit --no-fund
fi
bash scripts/setup-editor.sh
echo "[demo] building and packaging the extension (vsce runs the production build)"
node scripts/package-vsix.mjs evalspec.vsix </dev/null
ls -l evalspec.vsix

echo
echo "[demo] evalspec check examples/  (broken.evalspec.yaml is broken on purpose, so the exit status is 1)"
node dist/cli/evalspec.js check examples || true
echo
exec node --import tsx scripts/serve-examples.ts evalspec.vsix
