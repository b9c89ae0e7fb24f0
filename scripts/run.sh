#!/usr/bin/env bash
# The main job: set-up, a native build, then the course's models trained from scratch:
# linear (y = 2x - 1), iris (from CSV) and the MNIST convnet, as far as they exist yet.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
source "$root/scripts/env.sh"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build
ran=0
for example in linear iris mnist; do
  bin="build/examples/$example"
  [ -x "$bin" ] || continue
  printf '\n=== examples/%s\n' "$example"
  (cd "$root" && "$bin")
  ran=$((ran + 1))
done
((ran > 0)) || { echo "no examples built"; exit 1; }
