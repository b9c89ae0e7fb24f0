// tf.greater (kernel Greater): a > b element-wise, as a bool tensor.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor greater(const TensorLike& a, const TensorLike& b) { return runBinary("Greater", "greater", a, b); }
Tensor Tensor::greater(const TensorLike& b) const { return edgeflow::greater(*this, b); }

// Not differentiable (TF.js registers no gradient and throws; here no gradient flows through).
EF_REGISTER_GRADIENT("Greater", [](const GradContext&) { return std::vector<Tensor>(2); });

}  // namespace edgeflow
