// tf.tanh (kernel Tanh). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor tanh(const Tensor& x) { return runFloatUnary("Tanh", "tanh", x); }
Tensor Tensor::tanh() const { return edgeflow::tanh(*this); }

EF_REGISTER_GRADIENT("Tanh", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& y = g.outputs[0];
  return std::vector<Tensor>{mul(sub(1, square(y)), dy)};
});

}  // namespace edgeflow
