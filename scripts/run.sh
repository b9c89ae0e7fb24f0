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
# The MNIST example reads the TF.js course's sprite format, made once from LeCun's idx files.
mnist_idx=${EDGEFLOW_MNIST_DIR:-$root/tests/data/mnist}
if [ -x build/tools/edgeflow ] && [ -x build/examples/mnist ] &&
   ! { [ -s build/mnist/mnist_images.png ] && [ -s build/mnist/mnist_labels_uint8 ]; }; then
  build/tools/edgeflow mnist-sprite --images "$mnist_idx/t10k-images-idx3-ubyte.gz" \
    --labels "$mnist_idx/t10k-labels-idx1-ubyte.gz" \
    --out-images build/mnist/mnist_images.png --out-labels build/mnist/mnist_labels_uint8
fi
ran=0
for example in linear iris mnist; do
  bin="build/examples/$example"
  [ -x "$bin" ] || continue
  printf '\n=== examples/%s\n' "$example"
  (cd "$root" && "$bin")
  ran=$((ran + 1))
done
((ran > 0)) || { echo "no examples built"; exit 1; }
