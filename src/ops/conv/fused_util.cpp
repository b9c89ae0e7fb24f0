// Fused-op helpers: extra kernel inputs, bias/PReLU alignment and the activation gradients, the
// latter as the gradients of TF.js's unfused activation ops.
#include "ops/conv/fused_util.h"

#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow::conv {

FusedExtras fusedExtras(const std::vector<Tensor>& inputs, Activation activation) {
  FusedExtras e;
  bool prelu = activation == Activation::prelu;
  size_t n = inputs.size();
  if (prelu && n > 2) e.alpha = inputs[n - 1];
  if (n - (prelu ? 1 : 0) > 2) e.bias = inputs[2];
  return e;
}

void addFusedInputs(std::vector<Tensor>& inputs, Attrs& attrs, const Tensor& bias, const Tensor& alpha,
                    const std::string& activation, double leakyreluAlpha) {
  if (bias.defined()) inputs.push_back(bias);
  if (alpha.defined() && parseActivation(activation) == Activation::prelu) inputs.push_back(alpha);
  attrs.set("activation", activation.empty() ? std::string("linear") : activation);
  attrs.set("leakyreluAlpha", leakyreluAlpha);
}

Tensor alignToChannels(const Tensor& t, bool channelsFirst) {
  if (channelsFirst && t.rank() == 1 && t.size() != 1) return reshape(t, {t.size(), 1, 1});
  return t;
}

void checkPreluWeights(const char* op, Activation activation, const Tensor& weights) {
  if (activation == Activation::prelu && !weights.defined())
    throw Error(std::string("Error in ") + op + ": activation 'prelu' needs preluActivationWeights");
}

ActivationGrad activationGrad(const Tensor& dy, const Tensor& y, Activation activation, const Tensor& alpha,
                              double leakyreluAlpha, const std::function<Tensor()>& preactivation) {
  switch (activation) {
    case Activation::linear: return {dy, {}};
    case Activation::relu: return {mul(dy, step(y)), {}};
    // TF.js masks with x <= 6 && x > 0; from y that is 0 < y < 6 (they differ only at x = 6).
    case Activation::relu6: return {mul(dy, mul(step(y), cast(less(y, 6), DType::float32))), {}};
    case Activation::elu: return {runKernel1("EluGrad", {dy, y}), {}};
    case Activation::sigmoid: return {mul(dy, mul(y, sub(1, y))), {}};
    case Activation::leakyrelu: {
      // With a non-negative alpha, y > 0 exactly where z > 0.
      Tensor positive = greater(leakyreluAlpha >= 0 ? y : preactivation(), 0);
      return {where(positive, dy, mul(dy, leakyreluAlpha)), {}};
    }
    case Activation::prelu: {
      Tensor z = preactivation();
      Tensor positive = greater(z, 0);
      return {where(positive, dy, mul(dy, alpha)), where(positive, zerosLike(dy), mul(dy, z))};
    }
  }
  return {dy, {}};
}

Tensor broadcastGrad(const Tensor& g, const Tensor& param, bool channelsFirst) {
  Tensor aligned = alignToChannels(param, channelsFirst);
  return reshape(reduceGradToShape(g, aligned.shape()), param.shape());
}

}  // namespace edgeflow::conv
