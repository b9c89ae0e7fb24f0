// tf.isInf (kernel IsInf). The output is bool.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor isInf(const Tensor& x) { return runUnary("IsInf", x); }
Tensor Tensor::isInf() const { return edgeflow::isInf(*this); }

EF_REGISTER_GRADIENT("IsInf", zeroGradient);

}  // namespace edgeflow
