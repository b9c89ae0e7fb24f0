// tf.logicalXor: composite as in TF.js, (a OR b) AND NOT (a AND b).
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor logicalXor(const Tensor& a, const Tensor& b) {
  assertDType(a, {DType::bool_}, "logicalXor", "a");
  assertDType(b, {DType::bool_}, "logicalXor", "b");
  broadcastShapes(a.shape(), b.shape(), "logicalXor");
  return logicalAnd(logicalOr(a, b), logicalNot(logicalAnd(a, b)));
}
Tensor Tensor::logicalXor(const Tensor& b) const { return edgeflow::logicalXor(*this, b); }

}  // namespace edgeflow
