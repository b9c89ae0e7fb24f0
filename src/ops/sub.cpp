// tf.sub (kernel Sub).
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor sub(const TensorLike& a, const TensorLike& b) { return runBinary("Sub", "sub", a, b); }
Tensor Tensor::sub(const TensorLike& b) const { return edgeflow::sub(*this, b); }

EF_REGISTER_GRADIENT("Sub", [](const GradContext& g) { return binaryGrads(g, g.dys[0], neg(g.dys[0])); });

}  // namespace edgeflow
