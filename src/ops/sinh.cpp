// tf.sinh (kernel Sinh).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor sinh(const Tensor& x) { return runUnary("Sinh", x); }
Tensor Tensor::sinh() const { return edgeflow::sinh(*this); }

EF_REGISTER_GRADIENT("Sinh", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(cosh(toFloat(x)), dy)};
});

}  // namespace edgeflow
