// parallelFor covers [0, n) exactly once and, with a pool, hands chunks to the pool's threads.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "edgeflow/parallel.h"

using namespace edgeflow;

TEST(Parallel, CoversEveryItemOnceAndUsesThePoolThreads) {
  const int saved = numThreads();
  auto run = [](int sleepMs) {
    std::vector<int> seen(1000, 0);
    parallelFor(1000, 1e4, [&](int64_t b, int64_t e) {
      std::this_thread::sleep_for(std::chrono::milliseconds(sleepMs));
      for (int64_t i = b; i < e; ++i) ++seen[static_cast<size_t>(i)];
    });
    return seen;
  };
  setNumThreads(2);
  const bool pooled = numThreads() == 2;  // a wasm build without threads keeps one
  int64_t before = chunksRunOnPoolThreads();
  EXPECT_EQ(run(0), std::vector<int>(1000, 1));
  // The caller takes a chunk the worker has not claimed yet, so one run may stay on the caller;
  // with chunks that take a while, the worker gets one within a few tries.
  for (int i = 0; i < 50 && chunksRunOnPoolThreads() == before; ++i) EXPECT_EQ(run(5), std::vector<int>(1000, 1));
  EXPECT_EQ(chunksRunOnPoolThreads() > before, pooled);
  setNumThreads(1);
  before = chunksRunOnPoolThreads();
  EXPECT_EQ(run(0), std::vector<int>(1000, 1));
  EXPECT_EQ(chunksRunOnPoolThreads() - before, 0);
  setNumThreads(saved);
}

TEST(Parallel, BackToBackJobsAndResizesKeepEveryItem) {
  const int saved = numThreads();
  for (int threads : {2, 3, 1, 2}) {
    setNumThreads(threads);
    for (int job = 0; job < 2000; ++job) {
      std::vector<std::atomic<int>> seen(64);
      parallelFor(64, 1e4, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i) seen[static_cast<size_t>(i)].fetch_add(1);
      });
      for (auto& s : seen) ASSERT_EQ(s.load(), 1) << "job " << job << " on " << threads << " threads";
    }
  }
  setNumThreads(saved);
}

TEST(Parallel, AnExceptionInAChunkReachesTheCaller) {
  const int saved = numThreads();
  setNumThreads(2);
  // The chunk holding the last item throws: a worker's chunk on 2 threads, the whole range on 1.
  EXPECT_THROW(parallelFor(8, 1e5, [](int64_t, int64_t e) { if (e == 8) throw std::runtime_error("chunk"); }),
               std::runtime_error);
  std::vector<int> seen(8, 0);
  parallelFor(8, 1e5, [&](int64_t b, int64_t e) { for (int64_t i = b; i < e; ++i) seen[static_cast<size_t>(i)] = 1; });
  EXPECT_EQ(seen, std::vector<int>(8, 1));
  setNumThreads(saved);
}
