// A portable benchmark main without Google Benchmark (not available to the wasm build): median
// GFLOP/s and GB/s of the same workloads as bench_ops. Builds natively too.
// usage: wasm_bench [--threads=N] [--reps=N] [--only=matmul|softmax|add] [--cpu-time] [MxNxK ...]
// --cpu-time divides by the process's CPU time instead of wall time: on a loaded machine that is
// what a single thread would reach if it had a core to itself (with N threads, per core).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>

#include "bench_common.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

using namespace edgeflow;
using Clock = std::chrono::steady_clock;

namespace {

bool useCpuTime = false;

double cpuSeconds() {
#ifdef __EMSCRIPTEN__
  return EM_ASM_DOUBLE({
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  });
#else
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

double now() {
  return useCpuTime ? cpuSeconds() : std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

struct Stats {
  double median, best;
};

// Warms up once, then times `reps` runs (at least 0.3 s in total) and returns seconds per run.
Stats timeIt(const std::function<void()>& fn, int reps) {
  fn();
  std::vector<double> t;
  double start = now();
  while (static_cast<int>(t.size()) < reps || now() - start < 0.3) {
    double t0 = now();
    fn();
    t.push_back(now() - t0);
    if (t.size() >= 1000) break;
  }
  std::sort(t.begin(), t.end());
  return {t[t.size() / 2], t.front()};
}

void matMulBench(int64_t m, int64_t n, int64_t k, int reps) {
  Tensor a = bench::randomTensor({m, k}, 1), b = bench::randomTensor({k, n}, 2);
  Stats s = timeIt([&] { matMul(a, b).dispose(); }, reps);
  double f = bench::matMulFlops(static_cast<double>(m), static_cast<double>(n), static_cast<double>(k));
  std::printf("matMul %lldx%lldx%lld threads=%d: median %.3f ms, %.1f GFLOP/s (best %.1f)%s\n", (long long)m,
              (long long)n, (long long)k, numThreads(), s.median * 1e3, f / s.median / 1e9, f / s.best / 1e9,
              useCpuTime ? " per CPU-second" : "");
}

void bytesBench(const char* name, double bytes, const std::function<Tensor()>& fn, int reps) {
  try {
    Stats s = timeIt([&] { fn().dispose(); }, reps);
    std::printf("%s threads=%d: median %.3f ms, %.2f GB/s (best %.2f)%s\n", name, numThreads(), s.median * 1e3,
                bytes / s.median / 1e9, bytes / s.best / 1e9, useCpuTime ? " per CPU-second" : "");
  } catch (const std::exception& e) {
    std::printf("%s: skipped (%s)\n", name, e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 15;
  std::string only;
  std::vector<std::array<int64_t, 3>> shapes;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--threads=", 0) == 0) setNumThreads(std::atoi(arg.c_str() + 10));
    else if (arg.rfind("--reps=", 0) == 0) reps = std::atoi(arg.c_str() + 7);
    else if (arg.rfind("--only=", 0) == 0) only = arg.substr(7);
    else if (arg == "--cpu-time") useCpuTime = true;
    else {
      long long m, n, k;
      if (std::sscanf(arg.c_str(), "%lldx%lldx%lld", &m, &n, &k) != 3) {
        std::fprintf(stderr, "usage: %s [--threads=N] [--reps=N] [--only=matmul|softmax|add] [--cpu-time] [MxNxK ...]\n",
                     argv[0]);
        return 2;
      }
      shapes.push_back({m, n, k});
    }
  }
  if (shapes.empty()) shapes = {{512, 512, 512}, {1024, 1024, 1024}};
  if (only.empty() || only == "matmul")
    for (auto& s : shapes) matMulBench(s[0], s[1], s[2], reps);
  Tensor x = bench::randomTensor(bench::kElementwiseShape, 3), row = bench::randomTensor(bench::kBroadcastRowShape, 4);
  if (only.empty() || only == "softmax")
    bytesBench("softmax [1000,1000]", bench::softmaxBytes(), [&] { return softmax(x); }, reps);
  if (only.empty() || only == "add")
    bytesBench("add [1000,1000]+[1000]", bench::broadcastAddBytes(), [&] { return add(x, row); }, reps);
  return 0;
}
