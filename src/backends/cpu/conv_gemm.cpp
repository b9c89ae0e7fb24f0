// Matrix products, im2col/col2im and the fused epilogue for the cpu backend's convolutions.
#include "backends/cpu/conv_gemm.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "backends/cpu/gemm_kernel.h"
#include "core/tensor_impl.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu::conv {

namespace {

int64_t roundUp(int64_t a, int64_t b) { return (a + b - 1) / b * b; }

// Thin products (N up to two vectors): the vector width that wastes the fewest lanes.
constexpr int kHalf = kVecFloats / 2 >= 4 ? kVecFloats / 2 : kVecFloats;
bool isThin(int64_t n) { return n <= 2 * kVecFloats; }
int thinWidth(int64_t n) { return n <= kHalf ? kHalf : kVecFloats; }

// R rows of C from row i: R×NV accumulators over k, B packed [K × NV·VW] (zero-padded columns),
// then the epilogue if any (its bias zero-padded to NV·VW floats).
template <int VW, int NV, int R>
void thinRows(int64_t i, int64_t K, const float* a, int64_t lda, const float* bp, float* c, int64_t ldc, int64_t n,
              const GemmEpilogue* ep) {
  using V = typename VecOf<VW>::type;
  constexpr int NP = NV * VW;
  V acc[R][NV];
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < NV; ++v) acc[r][v] = V{};
  const float* arow = a + i * lda;
  for (int64_t k = 0; k < K; ++k) {
    V bv[NV];
    for (int v = 0; v < NV; ++v) bv[v] = loadu<V>(bp + k * NP + v * VW);
    for (int r = 0; r < R; ++r) {
      float av = arow[r * lda + k];
      for (int v = 0; v < NV; ++v) acc[r][v] += bv[v] * av;
    }
  }
  if (ep)
    for (int r = 0; r < R; ++r)
      for (int v = 0; v < NV; ++v) acc[r][v] = clampLanes(acc[r][v] + loadu<V>(ep->bias + v * VW), ep->lo, ep->hi);
  for (int r = 0; r < R; ++r) {
    float* crow = c + (i + r) * ldc;
    if (n == NP) {
      for (int v = 0; v < NV; ++v) storeu(crow + v * VW, acc[r][v]);
    } else {
      alignas(64) float t[NP];
      for (int v = 0; v < NV; ++v) storeu(t + v * VW, acc[r][v]);
      std::memcpy(crow, t, sizeof(float) * static_cast<size_t>(n));
    }
  }
}

template <int VW, int NV>
void thinMatmul(int64_t i0, int64_t i1, int64_t N, int64_t K, const float* a, int64_t lda, const float* bp, float* c,
                int64_t ldc, const GemmEpilogue* ep) {
  constexpr int R = NV == 1 ? 8 : 6;
  int64_t i = i0;
  for (; i + R <= i1; i += R) thinRows<VW, NV, R>(i, K, a, lda, bp, c, ldc, N, ep);
  for (; i < i1; ++i) thinRows<VW, NV, 1>(i, K, a, lda, bp, c, ldc, N, ep);
}

// C[K×NP] += A[T×K]ᵀ · Bp[T×NP]: RK rows of C in registers while T streams by.
template <int VW, int NV, int RK>
void atbRows(int64_t k0, int64_t T, const float* a, int64_t lda, const float* bp, float* cp) {
  using V = typename VecOf<VW>::type;
  constexpr int NP = NV * VW;
  V acc[RK][NV];
  for (int r = 0; r < RK; ++r)
    for (int v = 0; v < NV; ++v) acc[r][v] = loadu<V>(cp + (k0 + r) * NP + v * VW);
  for (int64_t t = 0; t < T; ++t) {
    V bv[NV];
    for (int v = 0; v < NV; ++v) bv[v] = loadu<V>(bp + t * NP + v * VW);
    const float* arow = a + t * lda + k0;
    for (int r = 0; r < RK; ++r) {
      float av = arow[r];
      for (int v = 0; v < NV; ++v) acc[r][v] += bv[v] * av;
    }
  }
  for (int r = 0; r < RK; ++r)
    for (int v = 0; v < NV; ++v) storeu(cp + (k0 + r) * NP + v * VW, acc[r][v]);
}

template <int VW, int NV>
void thinAtB(int64_t T, int64_t K, int64_t N, const float* a, int64_t lda, const float* b, int64_t ldb, float* c) {
  constexpr int NP = NV * VW;
  constexpr int RK = NV == 1 ? 12 : 8;
  float* bp = scratch(3, T * NP);
  for (int64_t t = 0; t < T; ++t) {
    std::memcpy(bp + t * NP, b + t * ldb, sizeof(float) * static_cast<size_t>(N));
    std::fill(bp + t * NP + N, bp + (t + 1) * NP, 0.0f);
  }
  alignas(64) float cpStack[64 * NP];
  std::vector<float> cpHeap;
  float* cp = cpStack;
  if (K > 64) {
    cpHeap.assign(static_cast<size_t>(K * NP), 0.0f);
    cp = cpHeap.data();
  }
  for (int64_t k = 0; k < K; ++k) {
    std::memcpy(cp + k * NP, c + k * N, sizeof(float) * static_cast<size_t>(N));
    std::fill(cp + k * NP + N, cp + (k + 1) * NP, 0.0f);
  }
  int64_t k = 0;
  for (; k + RK <= K; k += RK) atbRows<VW, NV, RK>(k, T, a, lda, bp, cp);
  for (; k < K; ++k) atbRows<VW, NV, 1>(k, T, a, lda, bp, cp);
  for (int64_t kk = 0; kk < K; ++kk) std::memcpy(c + kk * N, cp + kk * NP, sizeof(float) * static_cast<size_t>(N));
}

}  // namespace

// ---- scratch --------------------------------------------------------------------------------

void Scratch::Free::operator()(float* p) const { std::free(p); }

float* Scratch::get(int64_t n) {
  if (n > size_) {
    int64_t size = roundUp(std::max<int64_t>(n, 16), 16);
    buf_.reset(static_cast<float*>(std::aligned_alloc(64, static_cast<size_t>(size) * sizeof(float))));
    size_ = size;
  }
  return buf_.get();
}

float* scratch(int slot, int64_t n) {
  thread_local Scratch s[4];
  return s[slot].get(n);
}

// ---- products -------------------------------------------------------------------------------

void matmul(int64_t M, int64_t N, int64_t K, const float* a, int64_t lda, const float* b, int64_t ldb, float* c,
            int64_t ldc, const GemmEpilogue* ep, const PackedB* packedB) {
  if (M <= 0 || N <= 0) return;
  if (K <= 0 || !isThin(N)) {
    if (packedB && K > 0 && gemmPath(M, N, K) == GemmPath::packed)
      gemm(M, N, K, MatrixRef{a, lda, 1}, *packedB, c, ldc, ep);
    else
      gemm(M, N, K, MatrixRef{a, lda, 1}, MatrixRef{b, ldb, 1}, c, ldc, ep);
    return;
  }
  int vw = thinWidth(N);
  int nv = static_cast<int>((N + vw - 1) / vw);
  int64_t np = nv * vw;
  // B with zero-padded columns, shared by the row blocks (packed on the calling thread).
  float* bp = scratch(2, K * np);
  for (int64_t k = 0; k < K; ++k) {
    std::memcpy(bp + k * np, b + k * ldb, sizeof(float) * static_cast<size_t>(N));
    std::fill(bp + k * np + N, bp + (k + 1) * np, 0.0f);
  }
  alignas(64) float biasPadded[2 * kVecFloats] = {};
  GemmEpilogue thinEp{biasPadded, ep ? ep->lo : 0, ep ? ep->hi : 0};
  if (ep && ep->bias) std::memcpy(biasPadded, ep->bias, sizeof(float) * static_cast<size_t>(N));
  const GemmEpilogue* tep = ep ? &thinEp : nullptr;
  auto rows = [&](int64_t i0, int64_t i1) {
    if (vw == kHalf && nv == 1)
      thinMatmul<kHalf, 1>(i0, i1, N, K, a, lda, bp, c, ldc, tep);
    else if (nv == 1)
      thinMatmul<kVecFloats, 1>(i0, i1, N, K, a, lda, bp, c, ldc, tep);
    else
      thinMatmul<kVecFloats, 2>(i0, i1, N, K, a, lda, bp, c, ldc, tep);
  };
  parallelFor(M, static_cast<double>(2 * N * K), rows);
}

namespace {
struct PackedOnReuse {
  int64_t K, N;
  int uses = 0;
  std::shared_ptr<const PackedB> packed;
};
}  // namespace

const PackedB* packedOnReuse(const Tensor& w, int64_t M, int64_t K, int64_t N) {
  if (isThin(N) || K <= 0 || gemmPath(M, N, K) != GemmPath::packed) return nullptr;
  std::shared_ptr<void>& derived = w.impl()->data->derived;
  auto state = std::static_pointer_cast<PackedOnReuse>(derived);
  if (!state || state->K != K || state->N != N) derived = state = std::make_shared<PackedOnReuse>(PackedOnReuse{K, N, 0, nullptr});
  if (!state->packed && ++state->uses >= 2) state->packed = packB(K, N, MatrixRef{w.dataPtr<float>(), N, 1});
  return state->packed.get();
}

void matmulAtBAccumulate(int64_t T, int64_t K, int64_t N, const float* a, int64_t lda, const float* b, int64_t ldb,
                         float* c) {
  if (T <= 0 || K <= 0 || N <= 0) return;
  if (isThin(N)) {
    int vw = thinWidth(N);
    if (vw == kHalf && N <= kHalf)
      thinAtB<kHalf, 1>(T, K, N, a, lda, b, ldb, c);
    else if (N <= kVecFloats)
      thinAtB<kVecFloats, 1>(T, K, N, a, lda, b, ldb, c);
    else
      thinAtB<kVecFloats, 2>(T, K, N, a, lda, b, ldb, c);
    return;
  }
  float* t = scratch(3, K * N);
  gemm(K, N, T, MatrixRef{a, 1, lda}, MatrixRef{b, ldb, 1}, t, N);
  for (int64_t i = 0; i < K * N; ++i) c[i] += t[i];
}

// ---- im2col ---------------------------------------------------------------------------------

namespace {
// Runs are a few floats when inC is small (9 for a 3-wide filter on three channels): a libc memcpy
// call per run cost more than the copy. Runs of 4 to 16 floats are two overlapping fixed-size
// moves (single vector loads and stores); GCC would turn a plain copy loop back into the call.
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif
inline void copyRun(float* __restrict dst, const float* __restrict src, int64_t n) {
  if (n >= 8 && n <= 16) {
    __builtin_memcpy(dst, src, 8 * sizeof(float));
    __builtin_memcpy(dst + n - 8, src + n - 8, 8 * sizeof(float));
    return;
  }
  if (n >= 4 && n < 8) {
    __builtin_memcpy(dst, src, 4 * sizeof(float));
    __builtin_memcpy(dst + n - 4, src + n - 4, 4 * sizeof(float));
    return;
  }
  for (int64_t i = 0; i < n; ++i) dst[i] = src[i];
}
inline void zeroRun(float* dst, int64_t n) {
  for (int64_t i = 0; i < n; ++i) dst[i] = 0.0f;
}

// The taps [lo, hi) of a filter row whose input column is inside the image, for output column ow.
struct TapRange {
  int64_t lo, hi, iw0;  // iw0: input column of tap 0 (may be outside the image)
};
TapRange tapRange(const ConvInfo& c, int64_t ow) {
  const int64_t iw0 = ow * c.strideW - c.padLeft;
  int64_t lo = 0, hi = c.filterW;
  while (lo < hi && iw0 + lo * c.dilW < 0) ++lo;
  while (hi > lo && iw0 + (hi - 1) * c.dilW >= c.inW) --hi;
  return {lo, hi, iw0};
}
}  // namespace

// Without dilation the taps of a filter row read one contiguous run of the input row: copied as a
// whole, which matters when inC is small (1 or 3 channels copy a few floats per tap).
void im2col(const ConvInfo& c, const float* x, int64_t r0, int64_t rows, float* col) {
  const int64_t C = c.inC, K = c.filterH * c.filterW * C, pixels = c.outH * c.outW, rowLen = c.filterW * C;
  int64_t n = r0 / pixels, oh = (r0 % pixels) / c.outW, ow = r0 % c.outW;
  for (int64_t r = 0; r < rows; ++r) {
    float* dst = col + r * K;
    const float* image = x + n * c.inH * c.inW * C;
    const TapRange t = tapRange(c, ow);
    const int64_t ih0 = oh * c.strideH - c.padTop;
    if (t.lo == 0 && t.hi == c.filterW && c.dilW == 1 && ih0 >= 0 && ih0 + (c.filterH - 1) * c.dilH < c.inH) {
      // The whole window is inside the image (most pixels): one run per filter row.
      const float* src = image + (ih0 * c.inW + t.iw0) * C;
      for (int64_t fh = 0; fh < c.filterH; ++fh) copyRun(dst + fh * rowLen, src + fh * c.dilH * c.inW * C, rowLen);
    } else {
      for (int64_t fh = 0; fh < c.filterH; ++fh, dst += rowLen) {
        const int64_t ih = ih0 + fh * c.dilH;
        if (ih < 0 || ih >= c.inH || t.lo >= t.hi) {
          zeroRun(dst, rowLen);
          continue;
        }
        zeroRun(dst, t.lo * C);
        const float* src = image + (ih * c.inW + t.iw0 + t.lo * c.dilW) * C;  // tap lo
        if (c.dilW == 1) {
          copyRun(dst + t.lo * C, src, (t.hi - t.lo) * C);
        } else {
          for (int64_t fw = t.lo; fw < t.hi; ++fw) copyRun(dst + fw * C, src + (fw - t.lo) * c.dilW * C, C);
        }
        zeroRun(dst + t.hi * C, rowLen - t.hi * C);
      }
    }
    if (++ow == c.outW) {
      ow = 0;
      if (++oh == c.outH) oh = 0, ++n;
    }
  }
}

void col2imAdd(const ConvInfo& c, const float* col, int64_t r0, int64_t rows, float* dxImage) {
  const int64_t C = c.inC, K = c.filterH * c.filterW * C, pixels = c.outH * c.outW, rowLen = c.filterW * C;
  int64_t oh = (r0 % pixels) / c.outW, ow = r0 % c.outW;
  for (int64_t r = 0; r < rows; ++r) {
    const float* src = col + r * K;
    const TapRange t = tapRange(c, ow);
    for (int64_t fh = 0; fh < c.filterH; ++fh, src += rowLen) {
      const int64_t ih = oh * c.strideH - c.padTop + fh * c.dilH;
      if (ih < 0 || ih >= c.inH || t.lo >= t.hi) continue;
      float* dst = dxImage + (ih * c.inW + t.iw0 + t.lo * c.dilW) * C;  // tap lo
      const float* s = src + t.lo * C;
      if (c.dilW == 1) {
        for (int64_t j = 0; j < (t.hi - t.lo) * C; ++j) dst[j] += s[j];
      } else {
        for (int64_t fw = 0; fw < t.hi - t.lo; ++fw)
          for (int64_t ci = 0; ci < C; ++ci) dst[fw * c.dilW * C + ci] += s[fw * C + ci];
      }
    }
    if (++ow == c.outW) {
      ow = 0;
      if (++oh == c.outH) oh = 0;
    }
  }
}

// ---- epilogue -------------------------------------------------------------------------------

void Epilogue::apply(float* rows, int64_t n, int64_t channels) const {
  GemmEpilogue vectorised;
  if (asGemmEpilogue(vectorised)) return applyEpilogue(vectorised, rows, channels, n, channels);
  const float* b = bias.empty() ? nullptr : bias.data();
  const float* al = alpha.empty() ? nullptr : alpha.data();
  const float leaky = leakyreluAlpha;
  for (int64_t i = 0; i < n; ++i) {
    float* row = rows + i * channels;
    if (b)
      for (int64_t ch = 0; ch < channels; ++ch) row[ch] += b[ch];
    switch (activation) {
      case Activation::linear: break;
      case Activation::relu:
        for (int64_t ch = 0; ch < channels; ++ch) row[ch] = row[ch] < 0 ? 0.0f : row[ch];
        break;
      case Activation::relu6:
        for (int64_t ch = 0; ch < channels; ++ch) row[ch] = row[ch] < 0 ? 0.0f : (row[ch] > 6 ? 6.0f : row[ch]);
        break;
      case Activation::leakyrelu:
        for (int64_t ch = 0; ch < channels; ++ch) row[ch] = row[ch] < 0 ? leaky * row[ch] : row[ch];
        break;
      case Activation::prelu:
        for (int64_t ch = 0; ch < channels; ++ch) row[ch] = row[ch] < 0 ? al[ch] * row[ch] : row[ch];
        break;
      case Activation::elu:
        for (int64_t ch = 0; ch < channels; ++ch)
          row[ch] = row[ch] >= 0 ? row[ch] : static_cast<float>(std::exp(static_cast<double>(row[ch])) - 1);
        break;
      case Activation::sigmoid:
        for (int64_t ch = 0; ch < channels; ++ch)
          row[ch] = static_cast<float>(1 / (1 + std::exp(-static_cast<double>(row[ch]))));
        break;
    }
  }
}

bool Epilogue::asGemmEpilogue(GemmEpilogue& out) const {
  out = GemmEpilogue{};
  out.bias = bias.empty() ? nullptr : bias.data();
  switch (activation) {
    case Activation::linear: return true;
    case Activation::relu: out.lo = 0; return true;
    case Activation::relu6: out.lo = 0, out.hi = 6; return true;
    default: return false;
  }
}

std::vector<float> perChannel(const float* data, const Shape& shape, const Shape& outShape, int channelAxis) {
  if (shape.size() > outShape.size()) return {};
  size_t lead = outShape.size() - shape.size();
  int64_t channels = outShape[static_cast<size_t>(channelAxis)];
  int64_t along = 1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (lead + i == static_cast<size_t>(channelAxis))
      along = shape[i];
    else if (shape[i] != 1)
      return {};
  }
  if (along == 1) return std::vector<float>(static_cast<size_t>(channels), data[0]);
  return std::vector<float>(data, data + channels);
}

// x * 0 is 0 for finite x and NaN otherwise; vector sums of those keep the check at memory speed.
bool allFinite(const float* p, int64_t n) {
  using V = Vec;
  V acc{};
  int64_t i = 0;
  for (; i + kVecFloats <= n; i += kVecFloats) acc += loadu<V>(p + i) * 0.0f;
  float rest = 0;
  for (; i < n; ++i) rest += p[i] * 0.0f;
  for (int k = 0; k < kVecFloats; ++k) rest += acc[k];
  return rest == 0;
}

void nchwToNhwc(const float* in, float* out, int64_t n, int64_t c, int64_t hw) {
  parallelFor(n * hw, static_cast<double>(c), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; ++p) {
      int64_t b = p / hw, s = p % hw;
      for (int64_t ch = 0; ch < c; ++ch) out[p * c + ch] = in[(b * c + ch) * hw + s];
    }
  });
}

void nhwcToNchw(const float* in, float* out, int64_t n, int64_t c, int64_t hw) {
  parallelFor(n * c, static_cast<double>(hw), [&](int64_t q0, int64_t q1) {
    for (int64_t q = q0; q < q1; ++q) {
      int64_t b = q / c, ch = q % c;
      for (int64_t s = 0; s < hw; ++s) out[q * hw + s] = in[(b * hw + s) * c + ch];
    }
  });
}

}  // namespace edgeflow::cpu::conv
