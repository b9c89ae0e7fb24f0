// The thin SIMD layer of the cpu kernels: GCC/Clang vector extensions at the machine's width, so the
// same source is AVX-512 (16 floats) natively and 128-bit SIMD (4 floats) in wasm. Internal.
#pragma once
#include <cstdint>

namespace edgeflow::cpu {

#if defined(__AVX512F__)
inline constexpr int kVecFloats = 16;
#elif defined(__AVX__)
inline constexpr int kVecFloats = 8;
#else
inline constexpr int kVecFloats = 4;  // SSE, NEON, wasm simd128
#endif

template <int W>
struct VecOf {
  typedef float type __attribute__((vector_size(W * sizeof(float))));
};
using Vec = VecOf<kVecFloats>::type;

template <class V>
inline V loadu(const float* p) {
  V v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
template <class V>
inline void storeu(float* p, V v) {
  __builtin_memcpy(p, &v, sizeof v);
}
template <class V>
inline float hsum(V v) {
  float s = 0;
  for (int i = 0; i < static_cast<int>(sizeof(V) / sizeof(float)); ++i) s += v[i];
  return s;
}

// Per lane: mask ? a : b, for any width (mask lanes are all ones or all zeros, as comparisons give).
template <class V, class I>
inline V selectLanes(I mask, V a, V b) {
  return (V)((mask & (I)a) | (~mask & (I)b));
}
// Per lane: v clamped to [lo, hi], NaN kept (comparisons with NaN are false), as relu and relu6.
template <class V>
inline V clampLanes(V v, float lo, float hi) {
  v = selectLanes(v < lo, V{} + lo, v);
  return selectLanes(v > hi, V{} + hi, v);
}

// Element-wise kernels work on one full-width vector of floats (VF) and its lane masks (VI).
namespace simd {
inline constexpr int kLanes = kVecFloats;
using VF = Vec;
typedef int32_t VI __attribute__((vector_size(kLanes * sizeof(float))));

inline VF splat(float v) { return VF{} + v; }
inline VF load(const float* p) { return loadu<VF>(p); }
inline void store(float* p, VF v) { storeu(p, v); }
inline void storeI(int32_t* p, VI v) { __builtin_memcpy(p, &v, sizeof v); }
inline VF select(VI mask, VF a, VF b) { return selectLanes(mask, a, b); }
inline VI selectI(VI mask, VI a, VI b) { return (mask & a) | (~mask & b); }
}  // namespace simd

}  // namespace edgeflow::cpu
