// tf.isNaN (kernel IsNan). The output is bool.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor isNaN(const Tensor& x) { return runUnary("IsNan", x); }
Tensor Tensor::isNaN() const { return edgeflow::isNaN(*this); }

EF_REGISTER_GRADIENT("IsNan", zeroGradient);

}  // namespace edgeflow
