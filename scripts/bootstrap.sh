#!/usr/bin/env bash
# Installs everything a fresh Debian machine lacks to build, run and test Crosscheck:
# Chromium and Firefox ESR from Debian's packages, then the npm dependencies from the lock file.
# Safe to run again: each step is skipped when already satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js is the one thing it does not install (Debian's own is older than Vite needs): say so
# plainly instead of failing later inside npm.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "bootstrap: needs Node.js 20.19 or newer with npm (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing ${need[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "bootstrap: installing npm dependencies"
  # Not `npm ci`: the lock file cannot list Biome's binaries for other platforms (Android, macOS,
  # Windows), which this machine's registry does not serve, and `npm ci` rejects the lock for that.
  # `npm install` honours the lock for everything it does list and leaves it unchanged.
  npm install --no-audit --no-fund
fi
echo "bootstrap: ready"
