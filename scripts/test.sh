#!/usr/bin/env bash
# The test command: set-up, then every suite natively, under ASan+UBSan, and in WebAssembly
# (under Node). Usage: scripts/test.sh [native|asan|wasm]...   (default: all three)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
source "$root/scripts/env.sh"

targets=("$@")
((${#targets[@]})) || targets=(native asan wasm)
jobs=$(nproc)
cases="$root/build/oracle-cases"
failed=0
passed=0

step() { printf '\n=== %s\n' "$*"; }
run_ctest() {  # dir label
  if (cd "$1" && ctest --output-on-failure -j"$jobs"); then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $2"; fi
}

step "oracle cases from TF.js"
"$root/scripts/gen-oracle.sh" "$cases"

for t in "${targets[@]}"; do
  case "$t" in
    native)
      step "native build"
      cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
      ninja -C build
      step "native tests"
      run_ctest build native
      step "docs/ops.md is up to date"
      build/tests/edgeflow_oracle_tests --cases="$cases" --ops-doc=build/ops.md >/dev/null
      if diff -u docs/ops.md build/ops.md; then echo "docs/ops.md is up to date"; else
        failed=$((failed + 1)); echo "FAILED: docs/ops.md is stale: cp build/ops.md docs/ops.md"; fi
      ;;
    asan)
      step "ASan+UBSan build"
      cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDGEFLOW_SANITIZE=ON \
        -DEDGEFLOW_BUILD_BENCH=OFF -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
      ninja -C build-asan
      step "ASan+UBSan tests"
      ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build-asan asan
      ;;
    wasm)
      step "WebAssembly build (emscripten)"
      emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
      ninja -C build-wasm
      step "WebAssembly tests under Node"
      run_ctest build-wasm wasm
      ;;
    *) echo "unknown target $t (native, asan, wasm)"; exit 2 ;;
  esac
done

echo
echo "test suites: $passed passed, $failed failed"
exit $((failed > 0))
