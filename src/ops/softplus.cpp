// tf.softplus (kernel Softplus).
#include "ops/unary_op.h"

namespace edgeflow {

Tensor softplus(const Tensor& x) { return runUnary("Softplus", x); }
Tensor Tensor::softplus() const { return edgeflow::softplus(*this); }

EF_REGISTER_GRADIENT("Softplus", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(dy, sigmoid(x))};
});

}  // namespace edgeflow
