// tf.argMin (kernel ArgMin): int32 index of the first minimum along one axis.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/reduction.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor argMin(const Tensor& x, int64_t axis) {
  if (x.rank() == 0) throw Error("argMin: x must have rank >= 1 to take an axis, got shape []");
  int64_t a = normalizeAxis(axis, x.rank(), "argMin");
  return runKernel1("ArgMin", {x}, Attrs{{"axis", a}});
}
Tensor Tensor::argMin(int64_t axis) const { return edgeflow::argMin(*this, axis); }

// Piecewise constant: zero gradient, as TF.js.
EF_REGISTER_GRADIENT("ArgMin", [](const GradContext& g) { return std::vector<Tensor>{zerosLike(g.inputs[0])}; });

}  // namespace edgeflow
