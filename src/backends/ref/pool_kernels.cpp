// Reference kernels of 2-D and 3-D pooling and their gradients: MaxPool, AvgPool, MaxPoolGrad,
// AvgPoolGrad, MaxPool3D, AvgPool3D, MaxPool3DGrad, AvgPool3DGrad, MaxPoolWithArgmax. 2-D pooling
// runs as 3-D pooling with a depth of one. Numerics follow TF.js's cpu backend: sums in double,
// the max skips NaN (NaN > m is false), an empty 2-D average is 0/0 = NaN and an empty 3-D one 0;
// the 2-D argmax is the first maximum in the window, the 3-D one the last (TF.js compares >=).
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "backends/ref/pool_kernels.h"
#include "ops/pool/pool_util.h"

namespace edgeflow::ref {
namespace {

using pooling::PoolInfo;

struct Range {
  int64_t begin, end;
};
// The in-bounds part of a window starting at `corner` (TF.js steps from the first in-bounds tap).
Range taps(int64_t corner, int64_t eff, int64_t dilation, int64_t in) {
  int64_t b = corner;
  while (b < 0) b += dilation;
  return {b, std::min(in, corner + eff)};
}

struct Window {
  Range d, h, w;
};
Window windowAt(const PoolInfo& p, int64_t od, int64_t oh, int64_t ow) {
  return {taps(od * p.strideD - p.padFront, p.effD, p.dilationD, p.inD),
          taps(oh * p.strideH - p.padTop, p.effH, p.dilationH, p.inH),
          taps(ow * p.strideW - p.padLeft, p.effW, p.dilationW, p.inW)};
}

int64_t xIndex(const PoolInfo& p, int64_t b, int64_t d, int64_t h, int64_t w) {
  return (((b * p.inD + d) * p.inH + h) * p.inW + w) * p.channels;
}

// Calls f(b, od, oh, ow, window) for every output position within [outD, outH, outW].
template <class F>
void forEachWindow(const PoolInfo& p, int64_t outD, int64_t outH, int64_t outW, F f) {
  for (int64_t b = 0; b < p.batch; ++b)
    for (int64_t od = 0; od < outD; ++od)
      for (int64_t oh = 0; oh < outH; ++oh)
        for (int64_t ow = 0; ow < outW; ++ow) f(b, od, oh, ow, windowAt(p, od, oh, ow));
}

template <class F>
void forEachTap(const PoolInfo& p, const Window& win, F f) {
  for (int64_t d = win.d.begin; d < win.d.end; d += p.dilationD)
    for (int64_t h = win.h.begin; h < win.h.end; h += p.dilationH)
      for (int64_t w = win.w.begin; w < win.w.end; w += p.dilationW) f(d, h, w);
}

// Stores a double the way a TF.js typed array of T would (non-finite into an integer array is 0).
template <class T>
T store(double v) {
  if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(v);
  } else {
    return std::isfinite(v) ? static_cast<T>(static_cast<int64_t>(v)) : T(0);
  }
}

// Max or average pooling into a tensor of outType.
template <bool IsMax>
Tensor poolForward(const Tensor& x, const PoolInfo& p, DType outType, bool emptyAvgIsZero) {
  Tensor out = makeTensor(p.outShape, outType);
  dispatchDType(x.dtype(), [&](auto xZero) {
    using T = decltype(xZero);
    const T* xs = x.dataPtr<T>();
    dispatchDType(outType, [&](auto oZero) {
      using O = decltype(oZero);
      O* o = out.mutableData<O>();
      int64_t oi = 0;
      forEachWindow(p, p.outD, p.outH, p.outW, [&](int64_t b, int64_t, int64_t, int64_t, const Window& win) {
        for (int64_t c = 0; c < p.channels; ++c) {
          double best = -std::numeric_limits<double>::infinity(), total = 0;
          int64_t count = 0;
          forEachTap(p, win, [&](int64_t d, int64_t h, int64_t w) {
            double v = static_cast<double>(xs[xIndex(p, b, d, h, w) + c]);
            if (IsMax) {
              if (v > best) best = v;
            } else {
              total += v, ++count;
            }
          });
          double r = IsMax ? best : total / static_cast<double>(emptyAvgIsZero ? std::max<int64_t>(count, 1) : count);
          o[oi++] = store<O>(r);
        }
      });
    });
  });
  return out;
}

// Per output element, the flat x index of its maximum (-1 if none): the first maximum (>) or
// the last (>=).
template <class T>
std::vector<int64_t> argmaxPositions(const T* xs, const PoolInfo& p, int64_t outD, int64_t outH, int64_t outW,
                                     bool lastWins) {
  std::vector<int64_t> pos;
  pos.reserve(static_cast<size_t>(p.batch * outD * outH * outW * p.channels));
  forEachWindow(p, outD, outH, outW, [&](int64_t b, int64_t, int64_t, int64_t, const Window& win) {
    for (int64_t c = 0; c < p.channels; ++c) {
      double best = -std::numeric_limits<double>::infinity();
      int64_t at = -1;
      forEachTap(p, win, [&](int64_t d, int64_t h, int64_t w) {
        int64_t i = xIndex(p, b, d, h, w) + c;
        double v = static_cast<double>(xs[i]);
        if (lastWins ? v >= best : v > best) best = v, at = i;
      });
      pos.push_back(at);
    }
  });
  return pos;
}

// dy's spatial extent; the gradient geometry (computed without dimRoundingMode for 2-D, as TF.js
// does) may cover fewer outputs than dy has.
struct DyDims {
  int64_t d, h, w;
};
DyDims dyDims(const Tensor& dy) {
  const Shape& s = dy.shape();
  return s.size() == 5 ? DyDims{s[1], s[2], s[3]} : DyDims{1, s[1], s[2]};
}

// TF.js returns a 1x1 pool that keeps the shape as x itself (so a NaN stays NaN).
bool isIdentityPool(const PoolInfo& p, const Tensor& x) { return p.filterH == 1 && p.filterW == 1 && p.outShape == x.shape(); }

Tensor maxPoolBackward(const Tensor& dy, const Tensor& x, const PoolInfo& p, bool lastWins) {
  DyDims dd = dyDims(dy);
  int64_t outD = std::min(p.outD, dd.d), outH = std::min(p.outH, dd.h), outW = std::min(p.outW, dd.w);
  std::vector<double> acc(static_cast<size_t>(x.size()), 0.0);
  const float* g = dy.dataPtr<float>();
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    auto pos = argmaxPositions(x.dataPtr<T>(), p, outD, outH, outW, lastWins);
    size_t k = 0;
    for (int64_t b = 0; b < p.batch; ++b)
      for (int64_t od = 0; od < outD; ++od)
        for (int64_t oh = 0; oh < outH; ++oh)
          for (int64_t ow = 0; ow < outW; ++ow)
            for (int64_t c = 0; c < p.channels; ++c, ++k) {
              int64_t at = pos[k];
              if (at >= 0) acc[static_cast<size_t>(at)] += g[(((b * dd.d + od) * dd.h + oh) * dd.w + ow) * p.channels + c];
            }
  });
  Tensor dx = makeTensor(x.shape(), DType::float32);
  float* o = dx.mutableData<float>();
  for (size_t i = 0; i < acc.size(); ++i) o[i] = static_cast<float>(acc[i]);
  return dx;
}

// Each dy spreads dy / (filter volume) over its window's in-bounds taps: TF.js divides by the
// whole filter even where the forward average counted fewer taps.
Tensor avgPoolBackward(const Tensor& dy, const Shape& xShape, const PoolInfo& p) {
  DyDims dd = dyDims(dy);
  int64_t outD = std::min(p.outD, dd.d), outH = std::min(p.outH, dd.h), outW = std::min(p.outW, dd.w);
  std::vector<double> acc(static_cast<size_t>(sizeFromShape(xShape)), 0.0);
  const float* g = dy.dataPtr<float>();
  forEachWindow(p, outD, outH, outW, [&](int64_t b, int64_t od, int64_t oh, int64_t ow, const Window& win) {
    const float* gy = g + (((b * dd.d + od) * dd.h + oh) * dd.w + ow) * p.channels;
    forEachTap(p, win, [&](int64_t d, int64_t h, int64_t w) {
      double* a = acc.data() + xIndex(p, b, d, h, w);
      for (int64_t c = 0; c < p.channels; ++c) a[c] += gy[c];
    });
  });
  double mult = 1.0 / static_cast<double>(p.filterD * p.filterH * p.filterW);
  Tensor dx = makeTensor(xShape, DType::float32);
  float* o = dx.mutableData<float>();
  for (size_t i = 0; i < acc.size(); ++i) o[i] = static_cast<float>(acc[i] * mult);
  return dx;
}

std::vector<Tensor> maxPool3DKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  return {poolForward<true>(x, pooling::pool3DInfoFromAttrs(x.shape(), c.attrs, "MaxPool3D"), DType::float32, true)};
}
std::vector<Tensor> avgPool3DKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  return {poolForward<false>(x, pooling::pool3DInfoFromAttrs(x.shape(), c.attrs, "AvgPool3D"), DType::float32, true)};
}

std::vector<Tensor> maxPool3DGradKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[1];
  return {maxPoolBackward(c.inputs[0], x, pooling::pool3DInfoFromAttrs(x.shape(), c.attrs, "MaxPool3DGrad"), true)};
}
std::vector<Tensor> avgPool3DGradKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[1];
  return {avgPoolBackward(c.inputs[0], x.shape(), pooling::pool3DInfoFromAttrs(x.shape(), c.attrs, "AvgPool3DGrad"))};
}

std::vector<Tensor> maxPoolWithArgmaxKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  PoolInfo p = pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "MaxPoolWithArgmax");
  bool withBatch = c.attrs.getBool("includeBatchInIndex");
  Tensor pooled = poolForward<true>(x, p, x.dtype(), false);
  Tensor indexes = makeTensor(p.outShape, DType::int32);
  int32_t* o = indexes.mutableData<int32_t>();
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    auto pos = argmaxPositions(x.dataPtr<T>(), p, p.outD, p.outH, p.outW, false);
    int64_t perImage = p.inH * p.inW * p.channels;
    for (size_t i = 0; i < pos.size(); ++i)
      o[i] = static_cast<int32_t>(pos[i] < 0 || withBatch ? pos[i] : pos[i] % perImage);
  });
  return {pooled, indexes};
}

}  // namespace

std::vector<Tensor> maxPoolKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  PoolInfo p = pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "MaxPool");
  if (isIdentityPool(p, x)) return {makeTensorSharingData(x, x.shape())};
  return {poolForward<true>(x, p, x.dtype(), false)};
}
std::vector<Tensor> avgPoolKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  PoolInfo p = pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "AvgPool");
  if (isIdentityPool(p, x)) return {makeTensorSharingData(x, x.shape())};
  return {poolForward<false>(x, p, x.dtype(), false)};
}
// Inputs: dy, input x (and output y, unused).
std::vector<Tensor> maxPoolGradKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[1];
  return {maxPoolBackward(c.inputs[0], x, pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "MaxPoolGrad"), false)};
}
std::vector<Tensor> avgPoolGradKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[1];
  return {avgPoolBackward(c.inputs[0], x.shape(), pooling::pool2DInfoFromAttrs(x.shape(), c.attrs, "AvgPoolGrad"))};
}
EF_REGISTER_KERNEL("MaxPool", "ref", maxPoolKernel);
EF_REGISTER_KERNEL("AvgPool", "ref", avgPoolKernel);
EF_REGISTER_KERNEL("MaxPool3D", "ref", maxPool3DKernel);
EF_REGISTER_KERNEL("AvgPool3D", "ref", avgPool3DKernel);
EF_REGISTER_KERNEL("MaxPoolGrad", "ref", maxPoolGradKernel);
EF_REGISTER_KERNEL("AvgPoolGrad", "ref", avgPoolGradKernel);
EF_REGISTER_KERNEL("MaxPool3DGrad", "ref", maxPool3DGradKernel);
EF_REGISTER_KERNEL("AvgPool3DGrad", "ref", avgPool3DGradKernel);
EF_REGISTER_KERNEL("MaxPoolWithArgmax", "ref", maxPoolWithArgmaxKernel);

}  // namespace edgeflow::ref
