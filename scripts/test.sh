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

start=$SECONDS
step() { printf '\n=== %s   [%d:%02d]\n' "$*" $(((SECONDS - start) / 60)) $(((SECONDS - start) % 60)); }
# Unity builds (16 sources per compiler run): a cold build takes about a third of the CPU time,
# which is what keeps a CI run on 2 cores short. Sources must not clash when compiled together
# (file-local helpers have file-specific names or live in shared headers).
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)
run_ctest() {  # dir label
  if (cd "$1" && ctest --output-on-failure -j"$jobs"); then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $2"; fi
}

step "oracle cases from TF.js"
"$root/scripts/gen-oracle.sh" "$cases"

for t in "${targets[@]}"; do
  case "$t" in
    native)
      step "native build"
      cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${unity[@]}" -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
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
        -DEDGEFLOW_SANITIZE=ON "${unity[@]}" \
        -DEDGEFLOW_BUILD_BENCH=OFF -DEDGEFLOW_BUILD_EXAMPLES=OFF -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
      ninja -C build-asan
      step "ASan+UBSan tests"
      ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build-asan asan
      step "ThreadSanitizer: the worker pool's lock-free hand-off"
      # TSan cannot share a binary with ASan; the pool and its test build on their own in seconds.
      g++ -std=c++20 -O1 -g -fsanitize=thread -Iinclude src/core/parallel.cpp tests/unit/parallel_test.cpp \
        -lgtest -lgtest_main -pthread -o build-asan/parallel_tsan
      if TSAN_OPTIONS=halt_on_error=1 build-asan/parallel_tsan --gtest_repeat=10 --gtest_brief=1; then
        passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: parallel under TSan"; fi
      ;;
    wasm)
      if [ ! -x build/tools/edgeflow ]; then  # the browser tests serve their pages with the native CLI
        step "native edgeflow CLI (for the browser tests)"
        cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${unity[@]}" -DEDGEFLOW_ORACLE_CASES="$cases" >/dev/null
        ninja -C build edgeflow_cli
      fi
      # The test suites and the JS package (its SIMD module, the classic-script build); no examples
      # or benchmarks (scripts/run.sh and bench/ build their own).
      step "WebAssembly build (emscripten)"
      emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release "${unity[@]}" -DEDGEFLOW_ORACLE_CASES="$cases" \
        -DEDGEFLOW_BUILD_BENCH=OFF -DEDGEFLOW_BUILD_EXAMPLES=OFF -DEDGEFLOW_WEB_THREADS_TESTS=ON >/dev/null
      ninja -C build-wasm
      # The package's second variant (SIMD + threads), copied into build-wasm/web.
      step "WebAssembly threads variant of the JS package"
      emcmake cmake -S . -B build-wasm-threads -G Ninja -DCMAKE_BUILD_TYPE=Release "${unity[@]}" -DEDGEFLOW_WASM_THREADS=ON \
        -DEDGEFLOW_BUILD_TESTS=OFF -DEDGEFLOW_BUILD_BENCH=OFF -DEDGEFLOW_BUILD_EXAMPLES=OFF \
        -DEDGEFLOW_WASM_PACKAGE_DIR="$root/build-wasm/web" >/dev/null
      ninja -C build-wasm-threads edgeflow_web_threads
      step "WebAssembly tests under Node and in Chromium (both variants)"
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

step "done"
echo "test suites: $passed passed, $failed failed"
exit $((failed > 0))
