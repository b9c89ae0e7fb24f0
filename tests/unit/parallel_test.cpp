// parallelFor covers [0, n) exactly once and, with a pool, hands chunks to the pool's threads.
#include <gtest/gtest.h>

#include <vector>

#include "edgeflow/parallel.h"

using namespace edgeflow;

TEST(Parallel, CoversEveryItemOnceAndUsesThePoolThreads) {
  const int saved = numThreads();
  auto run = [] {
    std::vector<int> seen(1000, 0);
    parallelFor(1000, 1e4, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) ++seen[static_cast<size_t>(i)];
    });
    return seen;
  };
  setNumThreads(2);
  const bool pooled = numThreads() == 2;  // a wasm build without threads keeps one
  int64_t before = chunksRunOnPoolThreads();
  EXPECT_EQ(run(), std::vector<int>(1000, 1));
  EXPECT_EQ(chunksRunOnPoolThreads() - before, pooled ? 1 : 0);
  setNumThreads(1);
  before = chunksRunOnPoolThreads();
  EXPECT_EQ(run(), std::vector<int>(1000, 1));
  EXPECT_EQ(chunksRunOnPoolThreads() - before, 0);
  setNumThreads(saved);
}
