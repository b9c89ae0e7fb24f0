// tf.where (kernel Select): condition ? a : b with all three broadcast to a common shape.
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor where(const Tensor& condition, const TensorLike& a, const TensorLike& b) {
  assertDType(condition, {DType::bool_}, "where", "condition");
  const Tensor& t = a;
  const Tensor& e = b;
  broadcastShapes(broadcastShapes(condition.shape(), t.shape(), "where"), e.shape(), "where");
  auto [x, y] = makeTypesMatch(t, e);
  return runKernel1("Select", {condition, x, y});
}
// a.where(condition, b), as TF.js's chained where.
Tensor Tensor::where(const Tensor& condition, const TensorLike& b) const {
  return edgeflow::where(condition, *this, b);
}

// dy goes to a where the condition holds, else to b (TF.js). The bool condition gets no gradient
// (TF.js gives it zeros, which makes any differentiable path into it throw).
EF_REGISTER_GRADIENT("Select", [](const GradContext& g) {
  const Tensor &cond = g.inputs[0], &dy = g.dys[0];
  Tensor da = mul(dy, cast(cond, DType::float32));
  Tensor db = mul(dy, cast(logicalNot(cond), DType::float32));
  return std::vector<Tensor>{Tensor(), reduceGradToShape(da, g.inputs[1].shape()),
                             reduceGradToShape(db, g.inputs[2].shape())};
});

}  // namespace edgeflow
