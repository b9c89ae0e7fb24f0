// tf.atan (kernel Atan).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor atan(const Tensor& x) { return runUnary("Atan", x); }
Tensor Tensor::atan() const { return edgeflow::atan(*this); }

EF_REGISTER_GRADIENT("Atan", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, add(square(toFloat(x)), 1))};
});

}  // namespace edgeflow
