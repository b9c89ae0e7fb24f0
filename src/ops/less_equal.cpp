// tf.lessEqual (kernel LessEqual): a <= b element-wise, as a bool tensor.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor lessEqual(const TensorLike& a, const TensorLike& b) { return runBinary("LessEqual", "lessEqual", a, b); }
Tensor Tensor::lessEqual(const TensorLike& b) const { return edgeflow::lessEqual(*this, b); }

// Not differentiable (TF.js registers no gradient and throws; here no gradient flows through).
EF_REGISTER_GRADIENT("LessEqual", [](const GradContext&) { return std::vector<Tensor>(2); });

}  // namespace edgeflow
