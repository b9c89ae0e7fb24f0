// tf.any (kernel Any): logical OR over the axes of a bool tensor.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/reduction.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor any(const Tensor& x, Axes axis, bool keepDims) {
  assertDType(x, {DType::bool_}, "any", "x");
  auto axes = reductionAxes(axis, x.rank(), "any");
  return runKernel1("Any", {x}, Attrs{{"axis", axes}, {"keepDims", keepDims}});
}
Tensor Tensor::any(Axes axis, bool keepDims) const { return edgeflow::any(*this, std::move(axis), keepDims); }

}  // namespace edgeflow
