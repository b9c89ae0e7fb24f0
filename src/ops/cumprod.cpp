// tf.cumprod (kernel Cumprod): running products along an axis; int and bool multiply in int32.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/reduction.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor cumprod(const Tensor& x, int64_t axis, bool exclusive, bool reverse) {
  int64_t a = scanAxis(x, axis, "cumprod");
  return runKernel1("Cumprod", {x}, Attrs{{"axis", a}, {"exclusive", exclusive}, {"reverse", reverse}});
}
Tensor Tensor::cumprod(int64_t axis, bool exclusive, bool reverse) const {
  return edgeflow::cumprod(*this, axis, exclusive, reverse);
}

// TF.js has no Cumprod gradient. This is TensorFlow's: cumsum(y * dy) the other way round, divided
// by x, so it is not finite where x is 0.
EF_REGISTER_GRADIENT("Cumprod", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  int64_t axis = a.getInt("axis");
  bool exclusive = a.getBool("exclusive"), reverse = a.getBool("reverse");
  Tensor x = toFloat(g.inputs[0]);
  Tensor back = cumsum(mul(cumprod(x, axis, exclusive, reverse), g.dys[0]), axis, exclusive, !reverse);
  return std::vector<Tensor>{div(back, x)};
});

}  // namespace edgeflow
