#!/bin/sh
# Issue 5's benchmark in one command: the course convnet's training epoch and MobileNet v1
# inference, edgeflow natively and in wasm under Node, against the peers of ../shared/peers
# (PyTorch, ONNX Runtime, TF.js wasm/cpu) on the same workloads in the same run; prints the ratios
# to the targets (bench/run_convnets.mjs does the running and the arithmetic).
#
# usage: bench/run_convnets.sh [--quick]
#   Builds build-bench and build-bench-wasm; copies ../shared/peers to build-bench/peers and
#   installs its npm packages there (once); scripts/setup-bench.sh installs Debian's PyTorch.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. scripts/env.sh
scripts/setup.sh
scripts/setup-bench.sh
PEERS_SRC=${PEERS_SRC:-$ROOT/../shared/peers}
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_BUILD_TESTS=OFF >/dev/null
ninja -C build-bench bench/bench_convnets >/dev/null
emcmake cmake -S . -B build-bench-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_BUILD_TESTS=OFF >/dev/null
ninja -C build-bench-wasm bench/bench_convnets.js >/dev/null
# The same benchmark on the threaded wasm core (pthreads on Node's worker_threads, pool pre-started).
emcmake cmake -S . -B build-bench-wasm-threads -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_WASM_THREADS=ON \
  -DEDGEFLOW_BUILD_TESTS=OFF -DEDGEFLOW_BUILD_EXAMPLES=OFF -DEDGEFLOW_WASM_PACKAGE_DIR="$ROOT/build-bench-wasm-threads/package" >/dev/null
ninja -C build-bench-wasm-threads bench/bench_convnets.js >/dev/null

# The peers' scripts, in a writable copy with their own node_modules (their lock file pins
# @tensorflow/tfjs-backend-wasm and onnxruntime-node; .npmrc skips ORT's GPU download).
peers=build-bench/peers
if [ ! -f "$peers/.installed" ] || ! cmp -s "$PEERS_SRC/package-lock.json" "$peers/package-lock.json"; then
  rm -rf "$peers" && cp -r "$PEERS_SRC" "$peers" && chmod -R u+w "$peers"
  (cd "$peers" && npm ci --no-audit --no-fund >/dev/null 2>&1) && touch "$peers/.installed"
fi
[ -f "$peers/out/mobilenet_v1_1.0.onnx" ] || (cd "$peers" && /usr/bin/python3 py/export_onnx.py >/dev/null)

node bench/run_convnets.mjs --native build-bench/bench/bench_convnets --wasm build-bench-wasm/bench/bench_convnets.js \
  --wasm-threads build-bench-wasm-threads/bench/bench_convnets.js --peers "$peers" "$@"
