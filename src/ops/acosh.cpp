// tf.acosh (kernel Acosh).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor acosh(const Tensor& x) { return runUnary("Acosh", x); }
Tensor Tensor::acosh() const { return edgeflow::acosh(*this); }

EF_REGISTER_GRADIENT("Acosh", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, sqrt(sub(square(toFloat(x)), 1)))};
});

}  // namespace edgeflow
