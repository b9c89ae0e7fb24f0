// tf.tan (kernel Tan). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor tan(const Tensor& x) { return runFloatUnary("Tan", "tan", x); }
Tensor Tensor::tan() const { return edgeflow::tan(*this); }

EF_REGISTER_GRADIENT("Tan", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, square(cos(x)))};
});

}  // namespace edgeflow
