// tf.mod (kernel Mod): the remainder with the divisor's sign (TF.js's rule).
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor mod(const TensorLike& a, const TensorLike& b) { return runBinary("Mod", "mod", a, b); }
Tensor Tensor::mod(const TensorLike& b) const { return edgeflow::mod(*this, b); }

// mod(a, b) = a - floor(a / b) * b.
EF_REGISTER_GRADIENT("Mod", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  return binaryGrads(g, dy, mul(dy, neg(floor(div(g.inputs[0], g.inputs[1])))));
});

}  // namespace edgeflow
