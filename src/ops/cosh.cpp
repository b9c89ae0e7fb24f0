// tf.cosh (kernel Cosh). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor cosh(const Tensor& x) { return runFloatUnary("Cosh", "cosh", x); }
Tensor Tensor::cosh() const { return edgeflow::cosh(*this); }

EF_REGISTER_GRADIENT("Cosh", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(sinh(toFloat(x)), dy)};
});

}  // namespace edgeflow
