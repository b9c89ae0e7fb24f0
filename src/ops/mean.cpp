// tf.mean (kernel Mean). int and bool inputs average in float32, as TF.js.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"

namespace edgeflow {

Tensor mean(const Tensor& x, Axes axis, bool keepDims) {
  auto axes = reductionAxes(axis, x.rank(), "mean");
  return runKernel1("Mean", {x}, Attrs{{"axis", axes}, {"keepDims", keepDims}});
}
Tensor Tensor::mean(Axes axis, bool keepDims) const { return edgeflow::mean(*this, std::move(axis), keepDims); }

// dy spread evenly over each group.
EF_REGISTER_GRADIENT("Mean", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const auto& axes = g.attrs.getInts("axis");
  Tensor dy = reshape(g.dys[0], keepDimsShape(x.shape(), axes));
  auto n = static_cast<double>(ref::reduceSizeOf(x.shape(), axes));
  return std::vector<Tensor>{div(mul(dy, ones(x.shape())), n)};
});

}  // namespace edgeflow
