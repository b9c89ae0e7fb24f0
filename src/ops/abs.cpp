// tf.abs (kernel Abs).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor abs(const Tensor& x) { return runUnary("Abs", x); }
Tensor Tensor::abs() const { return edgeflow::abs(*this); }

EF_REGISTER_GRADIENT("Abs", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(dy, step(toFloat(x), -1))};
});

}  // namespace edgeflow
