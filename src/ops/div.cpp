// tf.div (kernel RealDiv); int32 / int32 is floorDiv, as in TF.js.
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {

Tensor div(const TensorLike& a, const TensorLike& b) {
  const Tensor& x = a;
  const Tensor& y = b;
  if (upcastType(x.dtype(), y.dtype()) == DType::int32) return floorDiv(x, y);
  return runBinary("RealDiv", "div", x, y);
}
Tensor Tensor::div(const TensorLike& b) const { return edgeflow::div(*this, b); }

// d(a/b) = dy / b, -dy * a / b^2. Shared with FloorDiv, whose TF.js gradient is the same.
std::vector<Tensor> realDivGrads(const GradContext& g) {
  const Tensor& dy = g.dys[0];
  Tensor a = toFloat(g.inputs[0]), b = g.inputs[1];
  Tensor da = reduceGradToShape(div(dy, toFloat(b)), g.inputs[0].shape());
  Tensor db = reduceGradToShape(mul(dy, a), b.shape());
  return {da, neg(div(db, toFloat(square(b))))};
}

EF_REGISTER_GRADIENT("RealDiv", realDivGrads);

}  // namespace edgeflow
