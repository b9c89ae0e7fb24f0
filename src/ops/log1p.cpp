// tf.log1p (kernel Log1p).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor log1p(const Tensor& x) { return runUnary("Log1p", x); }
Tensor Tensor::log1p() const { return edgeflow::log1p(*this); }

EF_REGISTER_GRADIENT("Log1p", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, add(x, 1))};
});

}  // namespace edgeflow
