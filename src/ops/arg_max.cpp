// tf.argMax (kernel ArgMax): int32 index of the first maximum along one axis.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/reduction.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor argMax(const Tensor& x, int64_t axis) {
  if (x.rank() == 0) throw Error("argMax: x must have rank >= 1 to take an axis, got shape []");
  int64_t a = normalizeAxis(axis, x.rank(), "argMax");
  return runKernel1("ArgMax", {x}, Attrs{{"axis", a}});
}
Tensor Tensor::argMax(int64_t axis) const { return edgeflow::argMax(*this, axis); }

// Piecewise constant: zero gradient, as TF.js.
EF_REGISTER_GRADIENT("ArgMax", [](const GradContext& g) { return std::vector<Tensor>{zerosLike(g.inputs[0])}; });

}  // namespace edgeflow
