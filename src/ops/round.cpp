// tf.round (kernel Round). Halves round to even.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor round(const Tensor& x) { return runUnary("Round", x); }
Tensor Tensor::round() const { return edgeflow::round(*this); }

EF_REGISTER_GRADIENT("Round", zeroGradient);

}  // namespace edgeflow
