// tf.isFinite (kernel IsFinite). The output is bool.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor isFinite(const Tensor& x) { return runUnary("IsFinite", x); }
Tensor Tensor::isFinite() const { return edgeflow::isFinite(*this); }

EF_REGISTER_GRADIENT("IsFinite", zeroGradient);

}  // namespace edgeflow
