// tf.equal (kernel Equal): a == b element-wise (NaN equals nothing), as a bool tensor.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor equal(const TensorLike& a, const TensorLike& b) { return runBinary("Equal", "equal", a, b); }
Tensor Tensor::equal(const TensorLike& b) const { return edgeflow::equal(*this, b); }

// Not differentiable (TF.js registers no gradient and throws; here no gradient flows through).
EF_REGISTER_GRADIENT("Equal", [](const GradContext&) { return std::vector<Tensor>(2); });

}  // namespace edgeflow
