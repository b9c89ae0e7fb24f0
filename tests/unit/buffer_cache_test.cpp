// The engine's cache of freed tensor buffers (core/buffer_cache): reuse, accounting, release.
#include <gtest/gtest.h>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

// Under AddressSanitizer the cache keeps nothing (core/buffer_cache.cpp), so ASan sees every free.
#define SKIP_UNDER_ASAN() \
  if (bufferCacheInfo().limitBytes == 0) GTEST_SKIP() << "the buffer cache is off under AddressSanitizer"

TEST(BufferCache, AFreedBufferIsReusedForTheSameSize) {
  SKIP_UNDER_ASAN();
  releaseCachedBuffers();
  const auto before = bufferCacheInfo();
  { Tensor a = zeros({1000, 250}); }  // 1 MB, freed into the cache
  EXPECT_GE(bufferCacheInfo().cachedBytes, 1000 * 250 * 4);
  Tensor b = ones({1000, 250});
  const auto after = bufferCacheInfo();
  EXPECT_EQ(after.reused, before.reused + 1);
  EXPECT_EQ(after.allocated, before.allocated + 1);
  EXPECT_EQ(after.cachedBytes, 0);
  EXPECT_EQ(b.dataSync<float>()[249999], 1.0f);  // a reused block is written, not stale
}

TEST(BufferCache, SizesWithinAQuarterShareAClassAndMemoryCountsLiveBytesOnly) {
  SKIP_UNDER_ASAN();
  releaseCachedBuffers();
  const auto m0 = memory();
  { Tensor a = zeros({100000}); }
  EXPECT_EQ(memory().numBytes, m0.numBytes);  // the cached block is not a live tensor
  const auto before = bufferCacheInfo();
  // 440 000 bytes: the same class as 400 000 (steps of 65 536 between 262 144 and 524 288).
  Tensor b = zeros({110000});
  EXPECT_EQ(bufferCacheInfo().allocated, before.allocated);
  EXPECT_EQ(memory().numBytes, m0.numBytes + 440000);
}

TEST(BufferCache, ReleaseFreesEverythingCached) {
  SKIP_UNDER_ASAN();
  { Tensor a = zeros({4096}), b = zeros({8192}); }
  EXPECT_GT(bufferCacheInfo().cachedBytes, 0);
  releaseCachedBuffers();
  EXPECT_EQ(bufferCacheInfo().cachedBytes, 0);
}

TEST(BufferCache, IsOnExceptUnderAddressSanitizer) {
#if defined(__SANITIZE_ADDRESS__)
  EXPECT_EQ(bufferCacheInfo().limitBytes, 0);
#else
  EXPECT_GT(bufferCacheInfo().limitBytes, 0);
#endif
}

TEST(BufferCache, ATrainingStepReusesEveryBufferAfterTheFirst) {
  SKIP_UNDER_ASAN();
  Variable w = variable(randomNormal({64, 32}, 0, 1, DType::float32, 1));
  Tensor x = randomNormal({128, 64}, 0, 1, DType::float32, 2);
  auto step = [&] {
    tidy([&] {
      auto g = grads([&](const std::vector<Tensor>& v) { return sum(square(matMul(x, v[0]))); })({w}, Tensor());
      w.assign(sub(w, mul(g[0], scalar(1e-3f))));
    });
  };
  step();
  const auto before = bufferCacheInfo();
  for (int i = 0; i < 5; ++i) step();
  EXPECT_EQ(bufferCacheInfo().allocated, before.allocated);
  EXPECT_GT(bufferCacheInfo().reused, before.reused);
  w.dispose();
}
