// tf.mul (kernel Multiply).
#include "ops/binary_op.h"

namespace edgeflow {

Tensor mul(const TensorLike& a, const TensorLike& b) { return runBinary("Multiply", "mul", a, b); }
Tensor Tensor::mul(const TensorLike& b) const { return edgeflow::mul(*this, b); }

EF_REGISTER_GRADIENT("Multiply", [](const GradContext& g) {
  Tensor a = toFloat(g.inputs[0]), b = toFloat(g.inputs[1]);
  return binaryGrads(g, mul(g.dys[0], b), mul(g.dys[0], a));
});

}  // namespace edgeflow
