// tf.asinh (kernel Asinh).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor asinh(const Tensor& x) { return runUnary("Asinh", x); }
Tensor Tensor::asinh() const { return edgeflow::asinh(*this); }

EF_REGISTER_GRADIENT("Asinh", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, sqrt(add(1, square(toFloat(x)))))};
});

}  // namespace edgeflow
