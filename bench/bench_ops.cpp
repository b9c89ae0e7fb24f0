// Google Benchmark programs for the hot ops on the default (cpu) backend: matMul (GFLOP/s),
// softmax and broadcast add over 10^6 elements (GB/s). Counters are per second: FLOPS=236G/s means
// 236 GFLOP/s. The thread count is fixed per process (--threads=N, default one per core) because
// the pool is sized once, before any work.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "bench_common.h"

using namespace edgeflow;

namespace {

// Arg: n (an n×n·n×n product).
void BM_MatMul(benchmark::State& state) {
  int64_t n = state.range(0);
  Tensor a = bench::randomTensor({n, n}, 1), b = bench::randomTensor({n, n}, 2);
  matMul(a, b).dispose();  // warm-up: thread pool, scratch buffers
  for (auto _ : state) {
    Tensor c = matMul(a, b);
    benchmark::DoNotOptimize(c.rawData());
    c.dispose();
  }
  double f = bench::matMulFlops(static_cast<double>(n), static_cast<double>(n), static_cast<double>(n));
  state.counters["FLOPS"] = benchmark::Counter(f, benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel("threads=" + std::to_string(numThreads()));
}
BENCHMARK(BM_MatMul)->Arg(512)->Arg(1024)->ArgName("n")->Unit(benchmark::kMillisecond)->UseRealTime();

void runBytes(benchmark::State& state, double bytes, const std::function<Tensor()>& fn) {
  try {
    fn().dispose();
  } catch (const std::exception& e) {  // the op may not exist yet in this checkout
    state.SkipWithError(e.what());
    return;
  }
  for (auto _ : state) {
    Tensor y = fn();
    benchmark::DoNotOptimize(y.rawData());
    y.dispose();
  }
  state.counters["Bytes"] = benchmark::Counter(bytes, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Softmax(benchmark::State& state) {
  Tensor x = bench::randomTensor(bench::kElementwiseShape, 3);
  runBytes(state, bench::softmaxBytes(), [&] { return softmax(x); });
}
BENCHMARK(BM_Softmax)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_BroadcastAdd(benchmark::State& state) {
  Tensor x = bench::randomTensor(bench::kElementwiseShape, 3), row = bench::randomTensor(bench::kBroadcastRowShape, 4);
  runBytes(state, bench::broadcastAddBytes(), [&] { return add(x, row); });
}
BENCHMARK(BM_BroadcastAdd)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--threads=", 0) == 0)
      setNumThreads(std::atoi(a.c_str() + 10));
    else
      args.push_back(argv[i]);
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
  benchmark::AddCustomContext("edgeflow_threads", std::to_string(numThreads()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
