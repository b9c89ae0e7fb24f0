// tf.ceil (kernel Ceil). Only float32 input, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor ceil(const Tensor& x) { return runFloatUnary("Ceil", "ceil", x); }
Tensor Tensor::ceil() const { return edgeflow::ceil(*this); }

EF_REGISTER_GRADIENT("Ceil", zeroGradient);

}  // namespace edgeflow
