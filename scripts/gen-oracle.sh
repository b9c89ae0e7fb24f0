#!/usr/bin/env bash
# Generates the TF.js oracle cases: scripts/gen-oracle.sh [OUT_DIR] [family,...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/oracle-cases}
node "$root/tests/oracle/gen/generate.mjs" "$out" ${2:-}
