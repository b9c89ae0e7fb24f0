// Depthwise 3×3 forward rows (see conv_depthwise_3x3.h). Padding taps are skipped, never
// multiplied by zeros (an infinite weight must not turn them into NaN), and the taps of a pixel
// are summed in the generic loop's order.
#include "backends/cpu/conv_depthwise_3x3.h"

#include "backends/cpu/gemm_kernel.h"

namespace edgeflow::cpu::conv {
namespace {

// Output pixels summed side by side: independent chains hide the FMA latency (fewer for wasm's 16
// registers, which the nine filter vectors mostly take).
constexpr int kPixels = kVecFloats == 4 ? 2 : 4;

// Epilogue values for one channel block.
template <class V>
struct BlockEpilogue {
  bool on = false;
  V bias{};
  float lo = 0, hi = 0;
  V apply(V v) const { return on ? clampLanes(v + bias, lo, hi) : v; }
};

// Channels [ch, ch + VW) of output row oh of one image (image: its input; yrow: its output row),
// for column stride S.
template <int VW, int S>
void rowBlock(const ConvInfo& c, const float* image, const float* w, float* yrow, int64_t oh, int64_t ch,
              const GemmEpilogue* ep) {
  using V = typename VecOf<VW>::type;
  const int64_t C = c.inC, pad = c.padLeft;
  const int64_t ih0 = oh * c.strideH - c.padTop;
  bool rowIn[3];
  const float* rows[3];
  V wv[3][3];
  for (int r = 0; r < 3; ++r) {
    rowIn[r] = ih0 + r >= 0 && ih0 + r < c.inH;
    rows[r] = image + (rowIn[r] ? (ih0 + r) * c.inW * C : 0) + ch;
    for (int f = 0; f < 3; ++f) wv[r][f] = loadu<V>(w + (r * 3 + f) * C + ch);
  }
  BlockEpilogue<V> epi;
  if (ep) epi = {true, ep->bias ? loadu<V>(ep->bias + ch) : V{}, ep->lo, ep->hi};

  // A pixel whose taps may fall outside the row.
  auto edgePixel = [&](int64_t ow) {
    V acc{};
    for (int r = 0; r < 3; ++r) {
      if (!rowIn[r]) continue;
      for (int f = 0; f < 3; ++f) {
        int64_t iw = ow * S - pad + f;
        if (iw >= 0 && iw < c.inW) acc += loadu<V>(rows[r] + iw * C) * wv[r][f];
      }
    }
    storeu(yrow + ow * C + ch, epi.apply(acc));
  };
  // Columns whose three taps are all inside: [lo, hi).
  int64_t lo = (pad + S - 1) / S, hi = c.inW - 3 + pad < 0 ? 0 : (c.inW - 3 + pad) / S + 1;
  if (hi > c.outW) hi = c.outW;
  if (lo > hi) lo = hi;
  int64_t ow = 0;
  for (; ow < lo; ++ow) edgePixel(ow);
  // The input columns the kPixels pixels read, each loaded once (the offsets are then constants).
  constexpr int kColumns = (kPixels - 1) * S + 3;
  for (; ow + kPixels <= hi; ow += kPixels) {
    V acc[kPixels] = {};
    for (int r = 0; r < 3; ++r) {
      if (!rowIn[r]) continue;
      const float* in = rows[r] + (ow * S - pad) * C;
      V xs[kColumns];
#pragma GCC unroll 16
      for (int j = 0; j < kColumns; ++j, in += C) xs[j] = loadu<V>(in);
#pragma GCC unroll 4
      for (int f = 0; f < 3; ++f)
#pragma GCC unroll 4
        for (int p = 0; p < kPixels; ++p) acc[p] += xs[p * S + f] * wv[r][f];
    }
#pragma GCC unroll 4
    for (int p = 0; p < kPixels; ++p) storeu(yrow + (ow + p) * C + ch, epi.apply(acc[p]));
  }
  for (; ow < c.outW; ++ow) edgePixel(ow);
}

}  // namespace

bool depthwise3x3Applies(const ConvInfo& c) {
  return c.channelsLast && c.filterH == 3 && c.filterW == 3 && c.dilH == 1 && c.dilW == 1 && c.outC == c.inC &&
         c.inC % 4 == 0 && (c.strideW == 1 || c.strideW == 2);
}

namespace {
template <int S>
void rows3x3(const ConvInfo& c, const float* x, const float* w, float* y, const GemmEpilogue* ep, int64_t r0,
             int64_t r1) {
  const int64_t C = c.inC;
  for (int64_t r = r0; r < r1; ++r) {
    const int64_t n = r / c.outH, oh = r % c.outH;
    const float* image = x + n * c.inH * c.inW * C;
    float* yrow = y + r * c.outW * C;
    int64_t ch = 0;
    for (; ch + kVecFloats <= C; ch += kVecFloats) rowBlock<kVecFloats, S>(c, image, w, yrow, oh, ch, ep);
    if constexpr (kVecFloats >= 16)
      for (; ch + 8 <= C; ch += 8) rowBlock<8, S>(c, image, w, yrow, oh, ch, ep);
    if constexpr (kVecFloats >= 8)
      for (; ch + 4 <= C; ch += 4) rowBlock<4, S>(c, image, w, yrow, oh, ch, ep);
  }
}
}  // namespace

void depthwise3x3Rows(const ConvInfo& c, const float* x, const float* w, float* y, const GemmEpilogue* ep, int64_t r0,
                      int64_t r1) {
  if (c.strideW == 1)
    rows3x3<1>(c, x, w, y, ep, r0, r1);
  else
    rows3x3<2>(c, x, w, y, ep, r0, r1);
}

}  // namespace edgeflow::cpu::conv
