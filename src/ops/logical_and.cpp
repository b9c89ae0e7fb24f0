// tf.logicalAnd (kernel LogicalAnd): a AND b of two bool tensors, broadcast.
#include "edgeflow/ops/logical.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor logicalAnd(const Tensor& a, const Tensor& b) {
  assertDType(a, {DType::bool_}, "logicalAnd", "a");
  assertDType(b, {DType::bool_}, "logicalAnd", "b");
  return runBinary("LogicalAnd", "logicalAnd", a, b);
}
Tensor Tensor::logicalAnd(const Tensor& b) const { return edgeflow::logicalAnd(*this, b); }

EF_REGISTER_GRADIENT("LogicalAnd", [](const GradContext&) { return std::vector<Tensor>(2); });  // bool: none

}  // namespace edgeflow
