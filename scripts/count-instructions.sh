#!/usr/bin/env bash
# Instructions one match executes, counted by valgrind: wall time on a shared machine moves by
# 30 % in its slow spells, instruction counts by less than 0.01 %. V8 runs single-threaded and
# deterministic (--predictable); the difference between RUNS=1200 and RUNS=200 cancels the
# database build and the compiler's warm-up. Instructions are not time: time what you keep too.
#
#   scripts/count-instructions.sh [<seed article id prefix, default 004>|five]
# Needs valgrind (apt-get install -y valgrind). Takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "count-instructions: needs valgrind (apt-get install -y valgrind)" >&2; exit 2; }
article="${1:-004}"
# Bundled beside the scripts, since the seed articles are found relative to the module.
bundle="scripts/.instruction-workload.$$.mjs"
log="$(mktemp)"
trap 'rm -f "$bundle" "$log"' EXIT
node_modules/.bin/esbuild scripts/instruction-workload.ts --bundle --platform=node --format=esm \
  --outfile="$bundle" --log-level=warning
count() {
  if ! ARTICLE="$article" RUNS="$1" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --predictable --predictable-gc-schedule "$bundle" >/dev/null 2>"$log"; then
    cat "$log" >&2
    exit 1
  fi
  sed -n 's/.*I *refs: *//p' "$log" | tr -d ','
}
low=$(count 200)
high=$(count 1200)
echo "$article: $(((high - low) / 1000)) instructions per match"
