// Size classes: multiples of 64 bytes up to 4 KiB, then four classes per power of two, so a reused
// block wastes under a quarter of itself. The cache holds at most kMaxCachedBytes; beyond that,
// released blocks go back to the system allocator.
#include "core/buffer_cache.h"

#include <bit>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "edgeflow/engine.h"
#include "edgeflow/types.h"

namespace edgeflow {
namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EDGEFLOW_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define EDGEFLOW_ASAN 1
#endif

#if defined(EDGEFLOW_ASAN)
constexpr size_t kMaxCachedBytes = 0;  // every block freed at once, so ASan sees use after free
#elif defined(__EMSCRIPTEN__)
constexpr size_t kMaxCachedBytes = size_t(64) << 20;  // wasm memory never shrinks anyway
#else
constexpr size_t kMaxCachedBytes = size_t(256) << 20;
#endif

size_t sizeClass(size_t n) {
  if (n <= 4096) return n == 0 ? 64 : (n + 63) / 64 * 64;
  const size_t quarter = std::bit_floor(n) / 4;
  return (n + quarter - 1) / quarter * quarter;
}

struct Cache {
  std::mutex mutex;
  std::unordered_map<size_t, std::vector<void*>> free;
  size_t cachedBytes = 0;
  BufferCacheInfo stats;
};

Cache& cache() {
  static Cache* c = new Cache();  // never destroyed: tensors may outlive main()
  return *c;
}

}  // namespace

namespace buffer_cache {

void* acquire(size_t bytes, size_t& capacity) {
  capacity = sizeClass(bytes);
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.free.find(capacity);
    if (it != c.free.end() && !it->second.empty()) {
      void* p = it->second.back();
      it->second.pop_back();
      c.cachedBytes -= capacity;
      c.stats.reused++;
      return p;
    }
    c.stats.allocated++;
  }
  void* p = std::aligned_alloc(64, capacity);
  if (!p) {
    releaseCachedBuffers();
    p = std::aligned_alloc(64, capacity);
  }
  if (!p) throw Error("out of memory allocating " + std::to_string(bytes) + " bytes");
  return p;
}

void release(void* p, size_t capacity) {
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    if (c.cachedBytes + capacity <= kMaxCachedBytes) {
      c.free[capacity].push_back(p);
      c.cachedBytes += capacity;
      return;
    }
  }
  std::free(p);
}

}  // namespace buffer_cache

BufferCacheInfo bufferCacheInfo() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  BufferCacheInfo info = c.stats;
  info.cachedBytes = static_cast<int64_t>(c.cachedBytes);
  info.limitBytes = static_cast<int64_t>(kMaxCachedBytes);
  return info;
}

void releaseCachedBuffers() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  for (auto& [size, blocks] : c.free)
    for (void* p : blocks) std::free(p);
  c.free.clear();
  c.cachedBytes = 0;
}

}  // namespace edgeflow
