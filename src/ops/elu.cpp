// tf.elu (kernel Elu; its gradient is the EluGrad kernel, as in TF.js). Only float32 input.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor elu(const Tensor& x) { return runFloatUnary("Elu", "elu", x); }
Tensor Tensor::elu() const { return edgeflow::elu(*this); }

// EluGrad has no gradient of its own (nor in TF.js), so elu is differentiable once.
EF_REGISTER_GRADIENT("Elu", [](const GradContext& g) {
  return std::vector<Tensor>{runKernel1("EluGrad", {g.dys[0], g.outputs[0]})};
});

}  // namespace edgeflow
