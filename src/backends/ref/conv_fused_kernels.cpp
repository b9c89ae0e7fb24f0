// Reference kernels of FusedConv2D, FusedDepthwiseConv2D and _FusedMatMul: the plain op, then
// the bias and the activation as TF.js's cpu backend applies them (Add, then the activation kernel).
#include <cmath>

#include "backends/cpu/gemm_batch.h"
#include "backends/ref/broadcast.h"
#include "backends/ref/conv_kernels.h"
#include "ops/conv/fused_util.h"

namespace edgeflow::ref {
namespace {

using conv::Activation;

conv::FusedExtras fusedExtras(const KernelContext& k) {
  return conv::fusedExtras(k.inputs, conv::parseActivation(conv::stringAttr(k.attrs, "activation", "linear")));
}

// Flat index into `t` broadcast to `shape`; a 1-D t of more than one element is aligned with
// the channels (dimension 1) when channelsFirst.
BroadcastIndex broadcastIndex(const Tensor& t, const Shape& shape, bool channelsFirst) {
  if (channelsFirst && t.rank() == 1 && t.size() != 1 && shape.size() == 4)
    return BroadcastIndex({t.size(), 1, 1}, shape);
  return BroadcastIndex(t.shape(), shape);
}

double storeAs(double v, DType d) { return d == DType::int32 ? (std::isfinite(v) ? std::trunc(v) : 0) : static_cast<float>(v); }

std::vector<Tensor> fusedConv2D(const KernelContext& k) {
  auto info = conv::conv2DInfoFromAttrs(k.inputs[0].shape(), k.inputs[1].shape(), k.attrs, false);
  auto e = fusedExtras(k);
  Tensor y = convForward(k.inputs[0], k.inputs[1], info);
  return {biasActivation(y, e.bias, conv::stringAttr(k.attrs, "activation", "linear"), e.alpha,
                         k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2, !info.channelsLast)};
}

std::vector<Tensor> fusedDepthwiseConv2D(const KernelContext& k) {
  auto info = conv::conv2DInfoFromAttrs(k.inputs[0].shape(), k.inputs[1].shape(), k.attrs, true);
  auto e = fusedExtras(k);
  Tensor y = depthwiseForward(k.inputs[0], k.inputs[1], info);
  return {biasActivation(y, e.bias, conv::stringAttr(k.attrs, "activation", "linear"), e.alpha,
                         k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2, false)};
}

std::vector<Tensor> fusedMatMul(const KernelContext& k) {
  std::vector<Tensor> ab{k.inputs[0], k.inputs[1]};
  Tensor y = batchMatMul(KernelContext{ab, k.attrs, k.backend})[0];
  auto e = fusedExtras(k);
  return {biasActivation(y, e.bias, conv::stringAttr(k.attrs, "activation", "linear"), e.alpha,
                         k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2, false)};
}

}  // namespace

double activate(double v, Activation a, double alpha) {
  switch (a) {
    case Activation::linear: return v;
    case Activation::relu: return std::isnan(v) ? v : std::max(0.0, v);
    case Activation::relu6: return std::isnan(v) ? v : std::min(std::max(0.0, v), 6.0);
    case Activation::elu: return v >= 0 ? v : std::exp(v) - 1;
    case Activation::prelu:
    case Activation::leakyrelu: return v < 0 ? alpha * v : v;
    case Activation::sigmoid: return 1 / (1 + std::exp(-v));
  }
  return v;
}

Tensor biasActivation(const Tensor& y, const Tensor& bias, const std::string& activation, const Tensor& alpha,
                      double leakyreluAlpha, bool channelsFirst) {
  Activation act = conv::parseActivation(activation);
  auto v = y.dataSync<double>();
  const Shape& shape = y.shape();
  DType d = y.dtype();
  if (bias.defined()) {
    auto bv = bias.dataSync<double>();
    auto bi = broadcastIndex(bias, shape, channelsFirst);
    for (size_t i = 0; i < v.size(); ++i) v[i] = storeAs(v[i] + bv[static_cast<size_t>(bi(static_cast<int64_t>(i)))], d);
  }
  // TF.js's LeakyRelu and Prelu kernels always output float32.
  DType outType = act == Activation::leakyrelu || act == Activation::prelu ? DType::float32 : d;
  if (act == Activation::prelu) {
    auto av = alpha.dataSync<double>();
    auto ai = broadcastIndex(alpha, shape, channelsFirst);
    for (size_t i = 0; i < v.size(); ++i)
      v[i] = storeAs(activate(v[i], act, av[static_cast<size_t>(ai(static_cast<int64_t>(i)))]), outType);
  } else if (act != Activation::linear) {
    for (size_t i = 0; i < v.size(); ++i) v[i] = storeAs(activate(v[i], act, leakyreluAlpha), outType);
  }
  Tensor out = makeTensor(shape, outType);
  if (outType == DType::int32) {
    int32_t* p = out.mutableData<int32_t>();
    for (size_t i = 0; i < v.size(); ++i) p[i] = static_cast<int32_t>(v[i]);
  } else {
    float* p = out.mutableData<float>();
    for (size_t i = 0; i < v.size(); ++i) p[i] = static_cast<float>(v[i]);
  }
  return out;
}

EF_REGISTER_KERNEL("FusedConv2D", "ref", fusedConv2D);
EF_REGISTER_KERNEL("FusedDepthwiseConv2D", "ref", fusedDepthwiseConv2D);
EF_REGISTER_KERNEL("_FusedMatMul", "ref", fusedMatMul);

}  // namespace edgeflow::ref
