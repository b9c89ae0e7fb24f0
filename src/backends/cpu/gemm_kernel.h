// GEMM building blocks written once for any vector width (simd.h): AVX-512 natively, 128-bit SIMD
// in wasm. Internal.
#pragma once
#include <cstdint>

#include "backends/cpu/gemm.h"
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
struct Tile<4> {  // 10 of 16 xmm: 5×2 is 16 % faster than 4×2 in MobileNet; V8 spills 6×2 (40 % slower)
  static constexpr int MR = 5, NV = 2;
};

// c (MR × NV·W, row stride ldc) = (or +=) a · b, then the epilogue if any (its bias offset to the
// tile's first column). b is a packed panel holding NV·W values per k (64-byte aligned); a is a
// packed panel holding PanelRows values per k (PackedA; the first MR of them are used), or the MR
// rows of A themselves, lda apart (no packing when A is read once anyway).
template <int W, int MR, int NV, bool PackedA, int PanelRows = MR>
inline void microKernel(int64_t kc, const float* __restrict a, int64_t lda, const float* __restrict b,
                        float* __restrict c, int64_t ldc, bool accumulate, const GemmEpilogue* ep) {
  using V = typename VecOf<W>::type;
  constexpr int NR = NV * W;
  const int64_t aRow = PackedA ? 1 : lda, aDepth = PackedA ? PanelRows : 1;
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
      float ai = a[i * aRow];
#pragma GCC unroll 8
      for (int j = 0; j < NV; ++j) acc[i][j] += bv[j] * ai;
    }
    a += aDepth;
    b += NR;
  }
  V bias[NV];
#pragma GCC unroll 8
  for (int j = 0; j < NV; ++j) bias[j] = ep && ep->bias ? loadu<V>(ep->bias + j * W) : V{};
#pragma GCC unroll 32
  for (int i = 0; i < MR; ++i)
#pragma GCC unroll 8
    for (int j = 0; j < NV; ++j) {
      float* p = c + i * ldc + j * W;
      V v = accumulate ? acc[i][j] + loadu<V>(p) : acc[i][j];
      if (ep) v = clampLanes(v + bias[j], ep->lo, ep->hi);
      storeu(p, v);
    }
}

}  // namespace edgeflow::cpu
