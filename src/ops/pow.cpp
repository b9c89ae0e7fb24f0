// tf.pow (kernel Pow): Math.pow semantics (negative bases need integer exponents); int32 ** int32
// stays int32 and wraps like TF.js.
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor pow(const TensorLike& base, const TensorLike& exp) { return runBinary("Pow", "pow", base, exp); }
Tensor Tensor::pow(const TensorLike& exp) const { return edgeflow::pow(*this, exp); }

// d/dbase = exp * base^(exp-1); d/dexp = y * log(base), taken as 0 where base <= 0 (as TF.js).
EF_REGISTER_GRADIENT("Pow", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& base = g.inputs[0];
  Tensor expFloat = toFloat(g.inputs[1]);
  Tensor dBase = mul(dy, mul(expFloat, pow(base, sub(expFloat, scalar(1)))));
  Tensor logBase = where(greater(base, 0), log(base), zerosLike(base));
  Tensor dExp = mul(dy, mul(g.outputs[0], logBase));
  return binaryGrads(g, dBase, dExp);
});

}  // namespace edgeflow
