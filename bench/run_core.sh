#!/bin/sh
# Issue 2's benchmark in one command: matMul 512³/1024³, softmax and a broadcast add over 10^6
# elements, natively (bench_ops, Google Benchmark) and in wasm under Node (wasm_bench.js), and
# matMul 1024³ against OpenBLAS (the peer program in ../shared/peers) in the same run.
# Prints the figures and the ratios to the targets (native ≥ 60 % of OpenBLAS on 2 threads;
# wasm ≥ 25 GFLOP/s at 512³).
#
# usage: bench/run_core.sh   (builds build-bench and build-bench-wasm first; needs libopenblas-dev)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. scripts/env.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_BUILD_TESTS=OFF >/dev/null
ninja -C build-bench bench/bench_ops bench/wasm_bench >/dev/null
emcmake cmake -S . -B build-bench-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_BUILD_TESTS=OFF >/dev/null
ninja -C build-bench-wasm bench/wasm_bench.js >/dev/null

echo "# $(uptime)"
echo "## native, 2 threads (Google Benchmark, medians of 5)"
build-bench/bench/bench_ops --threads=2 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null |
  grep -E '_median|^Benchmark'
echo "## native, 1 thread"
build-bench/bench/bench_ops --threads=1 --benchmark_filter=MatMul --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true 2>/dev/null | grep -E '_median'
echo "## wasm under Node $(node --version), 1 thread, 128-bit SIMD"
wasm=$(cd build-bench-wasm && node bench/wasm_bench.js)
echo "$wasm"
echo "## matMul 1024³ against OpenBLAS, 2 threads"
ROUNDS=${ROUNDS:-3} bench/run_matmul_vs_openblas.sh build-bench
gf=$(echo "$wasm" | sed -n 's/^matMul 512x512x512.*median [0-9.]* ms, \([0-9.]*\) GFLOP.*/\1/p')
awk -v g="$gf" 'BEGIN { printf "wasm matMul 512³: %.1f GFLOP/s = %.2f × the 25 GFLOP/s target\n", g, g / 25 }'
