// tf.max (kernel Max, attribute reductionIndices). Keeps x's dtype; NaN propagates.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {

Tensor max(const Tensor& x, Axes axis, bool keepDims) {
  auto axes = reductionAxes(axis, x.rank(), "max");
  return runKernel1("Max", {x}, Attrs{{"reductionIndices", axes}, {"keepDims", keepDims}});
}
Tensor Tensor::max(Axes axis, bool keepDims) const { return edgeflow::max(*this, std::move(axis), keepDims); }

// dy goes to every element equal to the max (all of them on ties), as TF.js.
EF_REGISTER_GRADIENT("Max", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  Shape keep = keepDimsShape(x.shape(), g.attrs.getInts("reductionIndices"));
  Tensor y = reshape(g.outputs[0], keep), dy = reshape(g.dys[0], keep);
  return std::vector<Tensor>{mul(dy, cast(equal(x, y), DType::float32))};
});

}  // namespace edgeflow
