// tf.expm1 (kernel Expm1).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor expm1(const Tensor& x) { return runUnary("Expm1", x); }
Tensor Tensor::expm1() const { return edgeflow::expm1(*this); }

EF_REGISTER_GRADIENT("Expm1", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(dy, exp(x))};
});

}  // namespace edgeflow
