// tf.rsqrt (kernel Rsqrt). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor rsqrt(const Tensor& x) { return runFloatUnary("Rsqrt", "rsqrt", x); }
Tensor Tensor::rsqrt() const { return edgeflow::rsqrt(*this); }

EF_REGISTER_GRADIENT("Rsqrt", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{neg(div(dy, mul(pow(x, 1.5), 2)))};
});

}  // namespace edgeflow
