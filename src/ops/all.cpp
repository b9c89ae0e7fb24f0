// tf.all (kernel All): logical AND over the axes of a bool tensor.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/reduction.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor all(const Tensor& x, Axes axis, bool keepDims) {
  assertDType(x, {DType::bool_}, "all", "x");
  auto axes = reductionAxes(axis, x.rank(), "all");
  return runKernel1("All", {x}, Attrs{{"axis", axes}, {"keepDims", keepDims}});
}
Tensor Tensor::all(Axes axis, bool keepDims) const { return edgeflow::all(*this, std::move(axis), keepDims); }

}  // namespace edgeflow
