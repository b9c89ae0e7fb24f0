// Reference kernels of the activations, computed like TF.js's cpu backend: per element in double,
// stored in the input's dtype unless TF.js fixes float32 (LeakyRelu, Prelu, EluGrad).
#include <algorithm>
#include <cmath>
#include <string>

#include "backends/ref/broadcast.h"
#include "backends/ref/unary.h"
#include "edgeflow/ops/binary.h"

namespace edgeflow::ref {
namespace {

constexpr double kSeluScaleAlpha = 1.7580993408473768599402175208123;
constexpr double kSeluScale = 1.0507009873554804934193349852946;

// Math.max(0, x) / Math.min(x, 6): NaN propagates.
double jsMax0(double x) { return std::isnan(x) ? x : std::max(0.0, x); }

double softplus(double x) {
  // Outside these bounds softplus(x) equals x or exp(x) to float precision (TF.js's thresholds).
  const double threshold = std::log(1.1920928955078125e-7) + 2.0;
  double e = std::exp(x);
  if (x < threshold) return e;
  if (x > -threshold) return x;
  return std::log(1.0 + e);
}

// Softmax over the last axis, step by step as TF.js's cpu kernel does it (max, sub, exp, sum,
// div), each intermediate rounded to float32 and the sum accumulated in double.
std::vector<Tensor> softmaxRef(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  if (x.dtype() != DType::float32) throw Error("Softmax: logits must be float32, got " + std::string(dtypeName(x.dtype())));
  Tensor out = makeTensor(x.shape(), DType::float32);
  int64_t n = x.rank() == 0 ? 1 : x.shape().back();
  int64_t rows = n == 0 ? 0 : x.size() / n;
  const float* in = x.dataPtr<float>();
  float* o = out.mutableData<float>();
  for (int64_t r = 0; r < rows; ++r) {
    const float* row = in + r * n;
    float* orow = o + r * n;
    float m = row[0];
    for (int64_t j = 0; j < n; ++j)
      if (std::isnan(row[j]) || row[j] > m) m = row[j];
    double total = 0;
    for (int64_t j = 0; j < n; ++j) {
      orow[j] = static_cast<float>(std::exp(static_cast<double>(row[j] - m)));
      total += orow[j];
    }
    float t = static_cast<float>(total);
    for (int64_t j = 0; j < n; ++j) orow[j] /= t;
  }
  return {out};
}

// Prelu: x < 0 ? alpha * x : x with alpha broadcast; float32 output whatever the dtypes.
std::vector<Tensor> preluRef(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Tensor& alpha = c.inputs[1];
  Shape os = broadcastShapes(x.shape(), alpha.shape(), "prelu");
  Tensor out = makeTensor(os, DType::float32);
  dispatchDType(x.dtype(), [&](auto zx) {
    using X = decltype(zx);
    dispatchDType(alpha.dtype(), [&](auto za) {
      using A = decltype(za);
      binaryBroadcast(x.dataPtr<X>(), x.shape(), alpha.dataPtr<A>(), alpha.shape(), out.mutableData<float>(), os,
                      [](X xv, A av) {
                        double xd = static_cast<double>(xv);
                        return static_cast<float>(xd < 0 ? static_cast<double>(av) * xd : xd);
                      });
    });
  });
  return {out};
}

// EluGrad(dy, y): dy where y >= 0, else dy * (y + 1).
std::vector<Tensor> eluGradRef(const KernelContext& c) {
  const Tensor& dy = c.inputs[0];
  const Tensor& y = c.inputs[1];
  Tensor out = makeTensor(y.shape(), DType::float32);
  const float* d = dy.dataPtr<float>();
  const float* v = y.dataPtr<float>();
  float* o = out.mutableData<float>();
  for (int64_t i = 0; i < y.size(); ++i)
    o[i] = v[i] >= 0 ? d[i] : static_cast<float>(static_cast<double>(d[i]) * (static_cast<double>(v[i]) + 1));
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Relu", "ref", jsUnaryKernel(jsMax0));
EF_REGISTER_KERNEL("Relu6", "ref", jsUnaryKernel([](double x) { return std::isnan(x) ? x : std::min(jsMax0(x), 6.0); }));
EF_REGISTER_KERNEL("Elu", "ref", jsUnaryKernel([](double x) { return x >= 0 ? x : std::exp(x) - 1; }));
EF_REGISTER_KERNEL("EluGrad", "ref", eluGradRef);
EF_REGISTER_KERNEL("Selu", "ref", jsUnaryKernel([](double x) {
                     return x >= 0 ? kSeluScale * x : kSeluScaleAlpha * (std::exp(x) - 1);
                   }));
EF_REGISTER_KERNEL("LeakyRelu", "ref", jsUnaryKernelWithAttrs(
                                           [](const Attrs& a) {
                                             double alpha = a.getDouble("alpha");
                                             return [alpha](double x) { return x < 0 ? alpha * x : x; };
                                           },
                                           DType::float32));
EF_REGISTER_KERNEL("Prelu", "ref", preluRef);
EF_REGISTER_KERNEL("Sigmoid", "ref", jsUnaryKernel([](double x) { return 1 / (1 + std::exp(-x)); }));
EF_REGISTER_KERNEL("Softplus", "ref", jsUnaryKernel(softplus));
EF_REGISTER_KERNEL("Softmax", "ref", softmaxRef);

}  // namespace edgeflow::ref
