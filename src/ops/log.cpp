// tf.log (kernel Log). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor log(const Tensor& x) { return runFloatUnary("Log", "log", x); }
Tensor Tensor::log() const { return edgeflow::log(*this); }

EF_REGISTER_GRADIENT("Log", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{div(dy, toFloat(x))};
});

}  // namespace edgeflow
