// tf.greaterEqual (kernel GreaterEqual): a >= b element-wise, as a bool tensor.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor greaterEqual(const TensorLike& a, const TensorLike& b) {
  return runBinary("GreaterEqual", "greaterEqual", a, b);
}
Tensor Tensor::greaterEqual(const TensorLike& b) const { return edgeflow::greaterEqual(*this, b); }

// Not differentiable (TF.js registers no gradient and throws; here no gradient flows through).
EF_REGISTER_GRADIENT("GreaterEqual", [](const GradContext&) { return std::vector<Tensor>(2); });

}  // namespace edgeflow
