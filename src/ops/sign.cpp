// tf.sign (kernel Sign). NaN gives 0, as in TF.js.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor sign(const Tensor& x) { return runUnary("Sign", x); }
Tensor Tensor::sign() const { return edgeflow::sign(*this); }

EF_REGISTER_GRADIENT("Sign", zeroGradient);

}  // namespace edgeflow
