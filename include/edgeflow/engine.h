// Memory management and backend selection: tidy, keep, dispose, memory(), setBackend.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

struct MemoryInfo {
  int64_t numTensors = 0;      // live (not disposed) tensors, variables included
  int64_t numDataBuffers = 0;  // distinct data buffers (reshape/clone share one)
  int64_t numBytes = 0;        // bytes of the live tensors, counted per tensor even when they share a buffer (TF.js)
  bool unreliable = false;
};
MemoryInfo memory();

// tf.profile: what the kernels run inside f cost, in time and memory. A kernel that other kernels
// run for it (a fused op's parts) counts as one entry, with their time and tensors.
struct KernelProfile {
  std::string name;
  std::vector<Shape> inputShapes, outputShapes;
  int64_t bytesAdded = 0, totalBytesSnapshot = 0, tensorsAdded = 0, totalTensorsSnapshot = 0;
  double kernelTimeMs = 0;
};
struct ProfileInfo {
  int64_t newBytes = 0, newTensors = 0, peakBytes = 0;
  std::vector<KernelProfile> kernels;
  std::vector<std::string> kernelNames;  // each kernel once, in order of first use
};
ProfileInfo profile(const std::function<void()>& f);
// profile()'s two halves, for callers that cannot hand over f (the JS bindings). They nest.
void startProfile();
ProfileInfo endProfile();

// Freed tensor buffers are kept for reuse (up to 256 MiB natively, 64 MiB in wasm) instead of being
// returned to the system at once; memory() counts live tensors only. Not in TF.js.
struct BufferCacheInfo {
  int64_t allocated = 0;    // buffers taken from the system allocator so far
  int64_t reused = 0;       // buffers served from the cache so far
  int64_t cachedBytes = 0;  // bytes held by the cache now
  int64_t limitBytes = 0;   // the most it holds (0 under AddressSanitizer: every free is real)
};
BufferCacheInfo bufferCacheInfo();
void releaseCachedBuffers();  // frees every cached buffer

// Keeps a tensor alive past the end of the enclosing tidy().
Tensor keep(const Tensor& t);
void dispose(const Tensor& t);
void dispose(const std::vector<Tensor>& ts);
// Disposes every registered variable (tf.disposeVariables).
void disposeVariables();

// Backends: "ref" (plain reference kernels) and "cpu" (SIMD and threaded, falling back to "ref").
void setBackend(const std::string& name);
std::string getBackend();
std::vector<std::string> listBackends();

namespace detail {
void startScope(const std::string& name);
void endScope(const std::vector<Tensor>& results);
void abortScope();

}  // namespace detail

// collectTensors: what tidy() keeps of a returned value. Found by argument-dependent lookup, so a
// struct of tensors (Moments, TopK, ...) declares its own overload beside itself.
inline void collectTensors(const Tensor& t, std::vector<Tensor>& out) { out.push_back(t); }
template <class T>
void collectTensors(const std::vector<T>& v, std::vector<Tensor>& out);
template <class K, class V>
void collectTensors(const std::map<K, V>& m, std::vector<Tensor>& out);
template <class A, class B>
void collectTensors(const std::pair<A, B>& p, std::vector<Tensor>& out);
template <class... T>
void collectTensors(const std::tuple<T...>& t, std::vector<Tensor>& out);
template <class T>
  requires(std::is_arithmetic_v<T> || std::is_same_v<T, std::string>)
void collectTensors(const T&, std::vector<Tensor>&) {}  // numbers, strings: nothing to keep

template <class T>
void collectTensors(const std::vector<T>& v, std::vector<Tensor>& out) {
  for (auto& e : v) collectTensors(e, out);
}
template <class K, class V>
void collectTensors(const std::map<K, V>& m, std::vector<Tensor>& out) {
  for (auto& kv : m) collectTensors(kv.second, out);
}
template <class A, class B>
void collectTensors(const std::pair<A, B>& p, std::vector<Tensor>& out) {
  collectTensors(p.first, out);
  collectTensors(p.second, out);
}
template <class... T>
void collectTensors(const std::tuple<T...>& t, std::vector<Tensor>& out) {
  std::apply([&](const auto&... e) { (collectTensors(e, out), ...); }, t);
}

// Runs fn in a scope; every tensor it creates is disposed at the end except those it returns
// (a Tensor, vector, map, pair or tuple of them) and those passed to keep().
template <class F>
auto tidy(const std::string& name, F&& fn) -> decltype(fn()) {
  detail::startScope(name);
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      detail::endScope({});
    } else {
      auto result = fn();
      std::vector<Tensor> keepers;
      collectTensors(result, keepers);
      detail::endScope(keepers);
      return result;
    }
  } catch (...) {
    detail::abortScope();
    throw;
  }
}
template <class F>
auto tidy(F&& fn) -> decltype(fn()) {
  return tidy(std::string("unnamed scope"), std::forward<F>(fn));
}

}  // namespace edgeflow
