// tf.cos (kernel Cos). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor cos(const Tensor& x) { return runFloatUnary("Cos", "cos", x); }
Tensor Tensor::cos() const { return edgeflow::cos(*this); }

EF_REGISTER_GRADIENT("Cos", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(neg(sin(toFloat(x))), dy)};
});

}  // namespace edgeflow
