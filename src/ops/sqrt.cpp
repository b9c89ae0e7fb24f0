// tf.sqrt (kernel Sqrt). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor sqrt(const Tensor& x) { return runFloatUnary("Sqrt", "sqrt", x); }
Tensor Tensor::sqrt() const { return edgeflow::sqrt(*this); }

EF_REGISTER_GRADIENT("Sqrt", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, mul(sqrt(toFloat(x)), 2))};
});

}  // namespace edgeflow
