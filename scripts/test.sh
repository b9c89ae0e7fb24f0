#!/usr/bin/env bash
# The test command: set-up, then every suite natively, under ASan+UBSan, and in WebAssembly
# (under Node), plus a short run of every libFuzzer target.
# Usage: scripts/test.sh [native|asan|wasm|fuzz]...   (default: all four)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
source "$root/scripts/env.sh"

targets=("$@")
((${#targets[@]})) || targets=(native asan wasm fuzz)
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
      # -O1 -g1: sanitizer reports keep file:line, and the build takes far less time than -O2 -g.
      cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
        -DEDGEFLOW_SANITIZE=ON \
        -DEDGEFLOW_BUILD_BENCH=OFF -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
      ninja -C build-asan
      step "ASan+UBSan tests"
      ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build-asan asan
      ;;
    wasm)
      if [ ! -x build/tools/edgeflow ]; then  # the browser test serves its page with the native CLI
        step "native edgeflow CLI (for the browser test)"
        cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
        ninja -C build edgeflow_cli
      fi
      step "WebAssembly build (emscripten)"
      emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
      ninja -C build-wasm
      step "WebAssembly tests under Node"
      run_ctest build-wasm wasm
      ;;
    fuzz)
      step "libFuzzer targets (clang), ${FUZZ_SECONDS:-15} s each from their seeds"
      CC=clang CXX=clang++ cmake -S fuzz -B build-fuzz -G Ninja >/dev/null
      ninja -C build-fuzz
      for target in csv:fuzz/corpus/csv image:tests/data/images model_json:fuzz/corpus/model_json npy:fuzz/corpus/npy idx:fuzz/corpus/idx; do
        name=${target%%:*} seeds=${target#*:}
        mkdir -p "build-fuzz/corpus-$name"  # new inputs go here, never into the seeds
        if build-fuzz/fuzz_$name -max_total_time="${FUZZ_SECONDS:-15}" -max_len=65536 \
             "build-fuzz/corpus-$name" "$seeds" >"build-fuzz/fuzz_$name.log" 2>&1; then
          passed=$((passed + 1)); tail -1 "build-fuzz/fuzz_$name.log"
        else
          failed=$((failed + 1)); tail -40 "build-fuzz/fuzz_$name.log"; echo "FAILED: fuzz_$name"
        fi
      done
      ;;
    *) echo "unknown target $t (native, asan, wasm, fuzz)"; exit 2 ;;
  esac
done

echo
echo "test suites: $passed passed, $failed failed"
exit $((failed > 0))
