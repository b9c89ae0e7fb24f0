// tf.acos (kernel Acos).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor acos(const Tensor& x) { return runUnary("Acos", x); }
Tensor Tensor::acos() const { return edgeflow::acos(*this); }

EF_REGISTER_GRADIENT("Acos", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{neg(div(dy, sqrt(sub(1, square(toFloat(x))))))};
});

}  // namespace edgeflow
