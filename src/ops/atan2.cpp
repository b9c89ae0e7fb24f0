// tf.atan2 (kernel Atan2): the angle of the point (b, a).
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor atan2(const TensorLike& a, const TensorLike& b) { return runBinary("Atan2", "atan2", a, b); }
Tensor Tensor::atan2(const TensorLike& b) const { return edgeflow::atan2(*this, b); }

// d/da = b / (a^2 + b^2), d/db = -a / (a^2 + b^2).
EF_REGISTER_GRADIENT("Atan2", [](const GradContext& g) {
  const Tensor &a = g.inputs[0], &b = g.inputs[1], &dy = g.dys[0];
  Tensor d = add(square(a), square(b));
  return binaryGrads(g, mul(dy, div(b, d)), neg(mul(dy, div(a, d))));
});

}  // namespace edgeflow
