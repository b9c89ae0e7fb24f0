// GEMM building blocks written once for any vector width (simd.h): AVX-512 natively, 128-bit SIMD
// in wasm. Internal.
#pragma once
#include <cstdint>

#include "backends/cpu/simd.h"

namespace edgeflow::cpu {

// Register tile per vector width: MR rows × NV vectors, MR·NV accumulators kept in registers
// (plus NV for B and one broadcast of A). wasm has 16 xmm registers under V8 and no FMA.
template <int W>
struct Tile;
template <>
struct Tile<16> {  // 24 of 32 zmm
  static constexpr int MR = 12, NV = 2;
};
template <>
struct Tile<8> {  // 12 of 16 ymm
  static constexpr int MR = 6, NV = 2;
};
template <>
struct Tile<4> {  // 8 of 16 xmm: V8 spills larger tiles (6×2 measured 30% slower than 4×2)
  static constexpr int MR = 4, NV = 2;
};

// c (MR × NV·W, row stride ldc) = (or +=) a · b, where a is a packed panel holding MR values per k
// and b a packed panel holding NV·W values per k (64-byte aligned).
template <int W, int MR, int NV>
inline void microKernel(int64_t kc, const float* __restrict a, const float* __restrict b, float* __restrict c,
                        int64_t ldc, bool accumulate) {
  using V = typename VecOf<W>::type;
  constexpr int NR = NV * W;
  V acc[MR][NV];
#pragma GCC unroll 32
  for (int i = 0; i < MR; ++i)
#pragma GCC unroll 8
    for (int j = 0; j < NV; ++j) acc[i][j] = V{};
  for (int64_t k = 0; k < kc; ++k) {
    V bv[NV];
#pragma GCC unroll 8
    for (int j = 0; j < NV; ++j) bv[j] = *reinterpret_cast<const V*>(b + j * W);
#pragma GCC unroll 32
    for (int i = 0; i < MR; ++i) {
      float ai = a[i];
#pragma GCC unroll 8
      for (int j = 0; j < NV; ++j) acc[i][j] += bv[j] * ai;
    }
    a += MR;
    b += NR;
  }
#pragma GCC unroll 32
  for (int i = 0; i < MR; ++i)
#pragma GCC unroll 8
    for (int j = 0; j < NV; ++j) {
      float* p = c + i * ldc + j * W;
      storeu(p, accumulate ? acc[i][j] + loadu<V>(p) : acc[i][j]);
    }
}

}  // namespace edgeflow::cpu
