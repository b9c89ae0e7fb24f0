// A small thread pool: parallelFor splits [0, n) over the cores when the work is large enough.
#pragma once
#include <cstdint>
#include <functional>

namespace edgeflow {

// Runs fn(begin, end) over disjoint chunks covering [0, n). costPerItem is a rough count of
// scalar operations per item; below ~64k total operations everything runs on the caller's thread.
void parallelFor(int64_t n, double costPerItem, const std::function<void(int64_t, int64_t)>& fn);

void setNumThreads(int n);  // 0 = one per core
int numThreads();
// How many chunks the pool's own threads (not the callers) have run so far: evidence that work
// was spread, for tests (timings are for benchmarks).
int64_t chunksRunOnPoolThreads();

}  // namespace edgeflow
