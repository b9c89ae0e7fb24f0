// tf.logicalOr (kernel LogicalOr): a OR b of two bool tensors, broadcast.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor logicalOr(const Tensor& a, const Tensor& b) {
  assertDType(a, {DType::bool_}, "logicalOr", "a");
  assertDType(b, {DType::bool_}, "logicalOr", "b");
  return runBinary("LogicalOr", "logicalOr", a, b);
}
Tensor Tensor::logicalOr(const Tensor& b) const { return edgeflow::logicalOr(*this, b); }

EF_REGISTER_GRADIENT("LogicalOr", [](const GradContext&) { return std::vector<Tensor>(2); });  // bool: none

}  // namespace edgeflow
