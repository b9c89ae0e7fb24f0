// tf.square (kernel Square).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor square(const Tensor& x) { return runUnary("Square", x); }
Tensor Tensor::square() const { return edgeflow::square(*this); }

EF_REGISTER_GRADIENT("Square", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(dy, mul(toFloat(x), 2))};
});

}  // namespace edgeflow
