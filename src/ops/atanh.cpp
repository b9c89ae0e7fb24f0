// tf.atanh (kernel Atanh).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor atanh(const Tensor& x) { return runUnary("Atanh", x); }
Tensor Tensor::atanh() const { return edgeflow::atanh(*this); }

EF_REGISTER_GRADIENT("Atanh", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, sub(1, square(toFloat(x))))};
});

}  // namespace edgeflow
