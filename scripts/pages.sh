#!/usr/bin/env bash
# Builds the JS package and the course pages, then serves them:
#   scripts/pages.sh [--port N]     then open http://127.0.0.1:N/examples/ (default port 8080)
# The native CLI (edgeflow serve, and mnist-sprite for the MNIST page's data) and the wasm build
# are made first; set-up as scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
source "$root/scripts/env.sh"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build edgeflow_cli
emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-wasm edgeflow_web edgeflow_web_classic

site=build-wasm/web
if [ ! -f "$site/examples/mnist/mnist_labels_uint8" ]; then  # the MNIST page's sprite, from the 10 000 test digits
  build/tools/edgeflow mnist-sprite --images tests/data/mnist/t10k-images-idx3-ubyte.gz \
    --labels tests/data/mnist/t10k-labels-idx1-ubyte.gz \
    --out-images "$site/examples/mnist/mnist_images.png" --out-labels "$site/examples/mnist/mnist_labels_uint8"
fi
echo "The course pages: /examples/linear/  /examples/iris/  /examples/mnist/  /examples/mobilenet/"
if [ $# -eq 0 ]; then set -- --port 8080; fi
exec build/tools/edgeflow serve "$site" "$@"
