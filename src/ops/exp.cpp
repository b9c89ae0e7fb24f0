// tf.exp (kernel Exp). The output is float32 for every input dtype.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor exp(const Tensor& x) { return runUnary("Exp", x); }
Tensor Tensor::exp() const { return edgeflow::exp(*this); }

EF_REGISTER_GRADIENT("Exp", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& y = g.outputs[0];
  return std::vector<Tensor>{mul(dy, y)};
});

}  // namespace edgeflow
