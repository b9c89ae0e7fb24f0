// tf.floor (kernel Floor). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor floor(const Tensor& x) { return runFloatUnary("Floor", "floor", x); }
Tensor Tensor::floor() const { return edgeflow::floor(*this); }

EF_REGISTER_GRADIENT("Floor", zeroGradient);

}  // namespace edgeflow
