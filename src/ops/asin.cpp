// tf.asin (kernel Asin).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor asin(const Tensor& x) { return runUnary("Asin", x); }
Tensor Tensor::asin() const { return edgeflow::asin(*this); }

EF_REGISTER_GRADIENT("Asin", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, sqrt(sub(1, square(toFloat(x)))))};
});

}  // namespace edgeflow
