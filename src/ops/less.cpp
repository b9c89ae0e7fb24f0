// tf.less (kernel Less): a < b element-wise, as a bool tensor.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor less(const TensorLike& a, const TensorLike& b) { return runBinary("Less", "less", a, b); }
Tensor Tensor::less(const TensorLike& b) const { return edgeflow::less(*this, b); }

// Not differentiable (TF.js registers no gradient and throws; here no gradient flows through).
EF_REGISTER_GRADIENT("Less", [](const GradContext&) { return std::vector<Tensor>(2); });

}  // namespace edgeflow
