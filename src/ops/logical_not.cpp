// tf.logicalNot (kernel LogicalNot): NOT of a bool tensor.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/logical.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor logicalNot(const Tensor& x) {
  assertDType(x, {DType::bool_}, "logicalNot", "x");
  return runKernel1("LogicalNot", {x});
}
Tensor Tensor::logicalNot() const { return edgeflow::logicalNot(*this); }

EF_REGISTER_GRADIENT("LogicalNot", [](const GradContext&) { return std::vector<Tensor>(1); });  // bool: none

}  // namespace edgeflow
