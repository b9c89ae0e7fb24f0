// tf.step (kernel Step): 1 where x > 0, alpha elsewhere, NaN for NaN.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor step(const Tensor& x, double alpha) { return runUnary("Step", x, Attrs{{"alpha", alpha}}); }
Tensor Tensor::step(double alpha) const { return edgeflow::step(*this, alpha); }

EF_REGISTER_GRADIENT("Step", zeroGradient);

}  // namespace edgeflow
