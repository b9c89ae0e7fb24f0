// tf.reciprocal (kernel Reciprocal).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor reciprocal(const Tensor& x) { return runUnary("Reciprocal", x); }
Tensor Tensor::reciprocal() const { return edgeflow::reciprocal(*this); }

EF_REGISTER_GRADIENT("Reciprocal", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, neg(square(x)))};
});

}  // namespace edgeflow
