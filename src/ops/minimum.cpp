// tf.minimum (kernel Minimum): NaN if either is NaN; bool operands compare as int32.
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor minimum(const TensorLike& a, const TensorLike& b) {
  auto [x, y] = makeTypesMatch(a, b);
  if (x.dtype() == DType::bool_) {
    x = cast(x, DType::int32);
    y = cast(y, DType::int32);
  }
  return runBinary("Minimum", "minimum", x, y);
}
Tensor Tensor::minimum(const TensorLike& b) const { return edgeflow::minimum(*this, b); }

// Ties go to a (TF.js). Unlike TF.js, broadcast operands get gradients reduced to their shapes.
EF_REGISTER_GRADIENT("Minimum", [](const GradContext& g) {
  const Tensor &a = g.inputs[0], &b = g.inputs[1], &dy = g.dys[0];
  return binaryGrads(g, mul(dy, cast(lessEqual(a, b), DType::float32)), mul(dy, cast(greater(a, b), DType::float32)));
});

}  // namespace edgeflow
