// Fast cpu kernels of 2-D max and average pooling and their gradients for float32 NHWC: channels
// run through GCC/Clang vector lanes, output rows (or input rows for AvgPoolGrad) are split over
// threads. Same semantics as the reference kernels: the max skips NaN, the argmax is the first
// maximum, an empty average is NaN, AvgPoolGrad divides by the whole window. Other dtypes go to
// the reference kernels.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "backends/cpu/simd.h"
#include "backends/ref/pool_kernels.h"
#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"
#include "ops/pool/pool_util.h"

namespace edgeflow::cpu {
namespace {

using pooling::PoolInfo;

using namespace simd;

int64_t floorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

struct Span {
  int64_t begin, end;
};
// The in-bounds input positions of the window at output index o.
Span window(int64_t o, int64_t stride, int64_t pad, int64_t filter, int64_t in) {
  int64_t corner = o * stride - pad, begin = std::max<int64_t>(0, corner);
  return {begin, std::max(begin, std::min(in, corner + filter))};  // empty past the input's end
}
// The output indices (within [0, out)) whose windows contain input index i.
Span coveringOutputs(int64_t i, int64_t stride, int64_t pad, int64_t filter, int64_t out) {
  int64_t lo = floorDiv(i + pad - filter, stride) + 1, hi = floorDiv(i + pad, stride);
  return {std::max<int64_t>(0, lo), std::min(out - 1, hi) + 1};
}

bool fastPath(const Tensor& x) { return x.dtype() == DType::float32; }

// One output pixel's C channels: max or mean over the window's taps.
template <bool IsMax>
void poolPixel(const float* x, const PoolInfo& p, Span hs, Span ws, float* out) {
  const int64_t C = p.channels, rowStride = p.inW * C;
  float count = static_cast<float>((hs.end - hs.begin) * (ws.end - ws.begin));
  int64_t c = 0;
  for (; c + kLanes <= C; c += kLanes) {
    VF acc = splat(IsMax ? -INFINITY : 0.0f);
    for (int64_t h = hs.begin; h < hs.end; ++h)
      for (int64_t w = ws.begin; w < ws.end; ++w) {
        VF v = load(x + h * rowStride + w * C + c);
        if constexpr (IsMax) acc = select(v > acc, v, acc);
        else acc += v;
      }
    store(out + c, IsMax ? acc : acc / count);
  }
  for (; c < C; ++c) {
    float acc = IsMax ? -INFINITY : 0.0f;
    for (int64_t h = hs.begin; h < hs.end; ++h)
      for (int64_t w = ws.begin; w < ws.end; ++w) {
        float v = x[h * rowStride + w * C + c];
        if constexpr (IsMax) acc = v > acc ? v : acc;
        else acc += v;
      }
    out[c] = IsMax ? acc : acc / count;
  }
}

template <bool IsMax>
std::vector<Tensor> poolForward(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  if (!fastPath(x)) return IsMax ? ref::maxPoolKernel(c) : ref::avgPoolKernel(c);
  PoolInfo p = pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, IsMax ? "MaxPool" : "AvgPool");
  if (p.filterH == 1 && p.filterW == 1 && p.outShape == x.shape()) return {makeTensorSharingData(x, x.shape())};
  Tensor out = makeTensor(p.outShape, DType::float32);
  const float* xs = x.dataPtr<float>();
  float* o = out.mutableData<float>();
  const int64_t C = p.channels;
  double cost = static_cast<double>(p.outW * C * p.filterH * p.filterW);
  parallelFor(p.batch * p.outH, cost, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      int64_t b = row / p.outH, oh = row % p.outH;
      Span hs = window(oh, p.strideH, p.padTop, p.filterH, p.inH);
      const float* img = xs + b * p.inH * p.inW * C;
      for (int64_t ow = 0; ow < p.outW; ++ow)
        poolPixel<IsMax>(img, p, hs, window(ow, p.strideW, p.padLeft, p.filterW, p.inW), o + (row * p.outW + ow) * C);
    }
  });
  return {out};
}

// Per output element of one output pixel, the offset within its image of the window's first
// maximum (-1 when every tap is NaN or -Infinity).
void argmaxPixel(const float* x, const PoolInfo& p, Span hs, Span ws, int32_t* pos) {
  const int64_t C = p.channels, rowStride = p.inW * C;
  VI lane;
  for (int k = 0; k < kLanes; ++k) lane[k] = k;
  int64_t c = 0;
  for (; c + kLanes <= C; c += kLanes) {
    VF best = splat(-INFINITY);
    VI at = VI{} - 1;
    for (int64_t h = hs.begin; h < hs.end; ++h)
      for (int64_t w = ws.begin; w < ws.end; ++w) {
        int64_t off = h * rowStride + w * C + c;
        VF v = load(x + off);
        VI better = v > best;
        best = select(better, v, best);
        at = selectI(better, lane + static_cast<int32_t>(off), at);
      }
    storeI(pos + c, at);
  }
  for (; c < C; ++c) {
    float best = -INFINITY;
    int32_t at = -1;
    for (int64_t h = hs.begin; h < hs.end; ++h)
      for (int64_t w = ws.begin; w < ws.end; ++w) {
        int64_t off = h * rowStride + w * C + c;
        if (x[off] > best) best = x[off], at = static_cast<int32_t>(off);
      }
    pos[c] = at;
  }
}

// dy's spatial extent may exceed the gradient's geometry (computed without dimRoundingMode).
struct GradDims {
  int64_t dyH, dyW, outH, outW;
};
GradDims gradDims(const Tensor& dy, const PoolInfo& p) {
  int64_t dyH = dy.shape()[1], dyW = dy.shape()[2];
  return {dyH, dyW, std::min(p.outH, dyH), std::min(p.outW, dyW)};
}

// Inputs: dy, x, y. Argmaxes per output row in parallel, then dy scattered to them; the scatter
// splits over (image, channel block) pairs, which never write the same element.
std::vector<Tensor> maxPoolGrad(const KernelContext& c) {
  const Tensor &dy = c.inputs[0], &x = c.inputs[1];
  if (!fastPath(x) || dy.dtype() != DType::float32) return ref::maxPoolGradKernel(c);
  PoolInfo p = pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "MaxPoolGrad");
  GradDims g = gradDims(dy, p);
  const int64_t C = p.channels, imageSize = p.inH * p.inW * C;
  if (x.size() > INT32_MAX) return ref::maxPoolGradKernel(c);
  std::vector<int32_t> pos(static_cast<size_t>(p.batch * g.outH * g.outW * C));
  const float* xs = x.dataPtr<float>();
  parallelFor(p.batch * g.outH, static_cast<double>(g.outW * C * p.filterH * p.filterW), [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      int64_t b = row / g.outH, oh = row % g.outH;
      Span hs = window(oh, p.strideH, p.padTop, p.filterH, p.inH);
      for (int64_t ow = 0; ow < g.outW; ++ow)
        argmaxPixel(xs + b * imageSize, p, hs, window(ow, p.strideW, p.padLeft, p.filterW, p.inW),
                    pos.data() + (row * g.outW + ow) * C);
    }
  });
  Tensor dx = makeTensor(x.shape(), DType::float32);
  float* d = dx.mutableData<float>();
  std::fill_n(d, dx.size(), 0.0f);
  const float* gy = dy.dataPtr<float>();
  const int64_t block = 16, blocks = (C + block - 1) / block;
  parallelFor(p.batch * blocks, static_cast<double>(g.outH * g.outW * block), [&](int64_t begin, int64_t end) {
    for (int64_t job = begin; job < end; ++job) {
      int64_t b = job / blocks, c0 = job % blocks * block, c1 = std::min(C, c0 + block);
      float* dimg = d + b * imageSize;
      for (int64_t oh = 0; oh < g.outH; ++oh)
        for (int64_t ow = 0; ow < g.outW; ++ow) {
          const int32_t* ps = pos.data() + ((b * g.outH + oh) * g.outW + ow) * C;
          const float* gs = gy + ((b * g.dyH + oh) * g.dyW + ow) * C;
          for (int64_t ch = c0; ch < c1; ++ch)
            if (ps[ch] >= 0) dimg[ps[ch]] += gs[ch];
        }
    }
  });
  return {dx};
}

// Inputs: dy, x. Each input pixel gathers the dy of the windows covering it, times
// 1 / (filterHeight * filterWidth).
std::vector<Tensor> avgPoolGrad(const KernelContext& c) {
  const Tensor &dy = c.inputs[0], &x = c.inputs[1];
  if (dy.dtype() != DType::float32) return ref::avgPoolGradKernel(c);
  PoolInfo p = pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "AvgPoolGrad");
  GradDims g = gradDims(dy, p);
  const int64_t C = p.channels;
  const float mult = static_cast<float>(1.0 / static_cast<double>(p.filterH * p.filterW));
  Tensor dx = makeTensor(x.shape(), DType::float32);
  float* d = dx.mutableData<float>();
  const float* gy = dy.dataPtr<float>();
  double cost = static_cast<double>(p.inW * C) *
                static_cast<double>((p.filterH + p.strideH - 1) / p.strideH * ((p.filterW + p.strideW - 1) / p.strideW));
  parallelFor(p.batch * p.inH, cost, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      int64_t b = row / p.inH, ih = row % p.inH;
      Span ohs = coveringOutputs(ih, p.strideH, p.padTop, p.filterH, g.outH);
      for (int64_t iw = 0; iw < p.inW; ++iw) {
        Span ows = coveringOutputs(iw, p.strideW, p.padLeft, p.filterW, g.outW);
        float* out = d + (row * p.inW + iw) * C;
        int64_t ch = 0;
        for (; ch + kLanes <= C; ch += kLanes) {
          VF acc = {};
          for (int64_t oh = ohs.begin; oh < ohs.end; ++oh)
            for (int64_t ow = ows.begin; ow < ows.end; ++ow) acc += load(gy + ((b * g.dyH + oh) * g.dyW + ow) * C + ch);
          store(out + ch, acc * mult);
        }
        for (; ch < C; ++ch) {
          float acc = 0;
          for (int64_t oh = ohs.begin; oh < ohs.end; ++oh)
            for (int64_t ow = ows.begin; ow < ows.end; ++ow) acc += gy[((b * g.dyH + oh) * g.dyW + ow) * C + ch];
          out[ch] = acc * mult;
        }
      }
    }
  });
  return {dx};
}

}  // namespace

EF_REGISTER_KERNEL("MaxPool", "cpu", poolForward<true>);
EF_REGISTER_KERNEL("AvgPool", "cpu", poolForward<false>);
EF_REGISTER_KERNEL("MaxPoolGrad", "cpu", maxPoolGrad);
EF_REGISTER_KERNEL("AvgPoolGrad", "cpu", avgPoolGrad);

}  // namespace edgeflow::cpu
