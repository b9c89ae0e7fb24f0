// tf.sin (kernel Sin). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor sin(const Tensor& x) { return runFloatUnary("Sin", "sin", x); }
Tensor Tensor::sin() const { return edgeflow::sin(*this); }

EF_REGISTER_GRADIENT("Sin", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(cos(toFloat(x)), dy)};
});

}  // namespace edgeflow
