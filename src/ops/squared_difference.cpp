// tf.squaredDifference (kernel SquaredDifference): (a - b)^2.
#include "edgeflow/ops/creation.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor squaredDifference(const TensorLike& a, const TensorLike& b) {
  return runBinary("SquaredDifference", "squaredDifference", a, b);
}
Tensor Tensor::squaredDifference(const TensorLike& b) const { return edgeflow::squaredDifference(*this, b); }

// Unlike TF.js, broadcast operands get gradients reduced to their shapes.
EF_REGISTER_GRADIENT("SquaredDifference", [](const GradContext& g) {
  const Tensor &a = g.inputs[0], &b = g.inputs[1], &dy = g.dys[0];
  Tensor two = scalar(2);
  return binaryGrads(g, mul(dy, mul(two, sub(a, b))), mul(dy, mul(two, sub(b, a))));
});

}  // namespace edgeflow
