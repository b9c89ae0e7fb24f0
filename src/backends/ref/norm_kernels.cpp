// Reference kernels of FusedBatchNorm, LRN and LRNGrad, in double like TF.js's cpu backend.
// FusedBatchNorm broadcasts mean, variance, offset and scale against x (TF.js's cpu kernel cycles
// through their values, which is the same for the shapes batchNorm accepts: suffixes of x's shape).
#include <algorithm>
#include <cmath>

#include "backends/ref/broadcast.h"
#include "backends/ref/norm_kernels.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

struct LrnParams {
  int64_t radius;
  double bias, alpha, beta;
  explicit LrnParams(const Attrs& a)
      : radius(a.getInt("depthRadius")), bias(a.getDouble("bias")), alpha(a.getDouble("alpha")), beta(a.getDouble("beta")) {}
};

// The channel window [begin, end) of channel ch among `channels`.
std::pair<int64_t, int64_t> lrnWindow(int64_t ch, int64_t channels, int64_t radius) {
  return {std::max<int64_t>(0, ch - radius), std::min(channels, ch + radius + 1)};
}

std::vector<Tensor> lrnKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  LrnParams p(c.attrs);
  int64_t channels = x.shape().back();
  const float* px = x.dataPtr<float>();
  Tensor out = makeTensor(x.shape(), DType::float32);
  float* o = out.mutableData<float>();
  for (int64_t i = 0; i < x.size(); ++i) {
    int64_t ch = i % channels, base = i - ch;
    auto [b, e] = lrnWindow(ch, channels, p.radius);
    double sum = 0;
    for (int64_t k = base + b; k < base + e; ++k) sum += static_cast<double>(px[k]) * px[k];
    o[i] = static_cast<float>(px[i] * std::pow(p.bias + p.alpha * sum, -p.beta));
  }
  return {out};
}

// Inputs: x, y = LRN(x), dy.
std::vector<Tensor> lrnGradKernel(const KernelContext& c) {
  const Tensor &x = c.inputs[0], &y = c.inputs[1], &dy = c.inputs[2];
  LrnParams p(c.attrs);
  int64_t channels = dy.shape().back();
  const float *px = x.dataPtr<float>(), *py = y.dataPtr<float>(), *pg = dy.dataPtr<float>();
  std::vector<double> acc(static_cast<size_t>(dy.size()), 0.0);
  for (int64_t i = 0; i < dy.size(); ++i) {
    int64_t ch = i % channels, base = i - ch;
    auto [b, e] = lrnWindow(ch, channels, p.radius);
    double norm = 0;
    for (int64_t k = base + b; k < base + e; ++k) norm += static_cast<double>(px[k]) * px[k];
    norm = p.alpha * norm + p.bias;
    for (int64_t k = base + b; k < base + e; ++k) {
      double d = -2 * p.alpha * p.beta * px[k] * py[i] / norm;
      if (k == i) d += std::pow(norm, -p.beta);
      acc[static_cast<size_t>(k)] += d * pg[i];
    }
  }
  Tensor dx = makeTensor(dy.shape(), DType::float32);
  float* o = dx.mutableData<float>();
  for (size_t i = 0; i < acc.size(); ++i) o[i] = static_cast<float>(acc[i]);
  return {dx};
}

}  // namespace

// Inputs: x, scale, offset, mean, variance (all float32).
std::vector<Tensor> batchNormKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Shape& xs = x.shape();
  const Tensor &scale = c.inputs[1], &offset = c.inputs[2], &mean = c.inputs[3], &variance = c.inputs[4];
  BroadcastIndex is(scale.shape(), xs), io(offset.shape(), xs), im(mean.shape(), xs), iv(variance.shape(), xs);
  const float *px = x.dataPtr<float>(), *ps = scale.dataPtr<float>(), *po = offset.dataPtr<float>(),
              *pm = mean.dataPtr<float>(), *pv = variance.dataPtr<float>();
  double eps = c.attrs.getDouble("varianceEpsilon");
  Tensor out = makeTensor(xs, DType::float32);
  float* o = out.mutableData<float>();
  for (int64_t i = 0; i < x.size(); ++i) {
    double v = static_cast<double>(pv[iv(i)]) + eps;
    o[i] = static_cast<float>(static_cast<double>(po[io(i)]) +
                              (static_cast<double>(px[i]) - pm[im(i)]) * static_cast<double>(ps[is(i)]) / std::sqrt(v));
  }
  return {out};
}

EF_REGISTER_KERNEL("FusedBatchNorm", "ref", batchNormKernel);
EF_REGISTER_KERNEL("LRN", "ref", lrnKernel);
EF_REGISTER_KERNEL("LRNGrad", "ref", lrnGradKernel);

}  // namespace edgeflow::ref
