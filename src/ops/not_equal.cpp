// tf.notEqual (kernel NotEqual): a != b element-wise, as a bool tensor.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor notEqual(const TensorLike& a, const TensorLike& b) { return runBinary("NotEqual", "notEqual", a, b); }
Tensor Tensor::notEqual(const TensorLike& b) const { return edgeflow::notEqual(*this, b); }

// Not differentiable (TF.js registers no gradient and throws; here no gradient flows through).
EF_REGISTER_GRADIENT("NotEqual", [](const GradContext&) { return std::vector<Tensor>(2); });

}  // namespace edgeflow
