// tf.sigmoid (kernel Sigmoid). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor sigmoid(const Tensor& x) { return runFloatUnary("Sigmoid", "sigmoid", x); }
Tensor Tensor::sigmoid() const { return edgeflow::sigmoid(*this); }

EF_REGISTER_GRADIENT("Sigmoid", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& y = g.outputs[0];
  return std::vector<Tensor>{mul(dy, mul(y, sub(1, y)))};
});

}  // namespace edgeflow
