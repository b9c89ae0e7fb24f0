// tf.cumsum (kernel Cumsum): running sums along an axis; int and bool sum to int32.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/reduction.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor cumsum(const Tensor& x, int64_t axis, bool exclusive, bool reverse) {
  int64_t a = scanAxis(x, axis, "cumsum");
  return runKernel1("Cumsum", {x}, Attrs{{"axis", a}, {"exclusive", exclusive}, {"reverse", reverse}});
}
Tensor Tensor::cumsum(int64_t axis, bool exclusive, bool reverse) const {
  return edgeflow::cumsum(*this, axis, exclusive, reverse);
}

// Each x_j feeds every later (earlier when reversed) output: a cumsum of dy the other way round.
// TF.js also transposes the result when the axis is not the last one, a bug not copied here.
EF_REGISTER_GRADIENT("Cumsum", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  return std::vector<Tensor>{cumsum(g.dys[0], a.getInt("axis"), a.getBool("exclusive"), !a.getBool("reverse"))};
});

}  // namespace edgeflow
