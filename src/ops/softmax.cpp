// tf.softmax (kernel Softmax, attribute dim). Only float32 logits and only the last axis, as in TF.js.
#include <string>

#include "edgeflow/ops/reduction.h"
#include "ops/unary_op.h"

namespace edgeflow {

Tensor softmax(const Tensor& logits, int64_t dim) {
  assertDType(logits, {DType::float32}, "softmax", "logits");
  int rank = logits.rank();
  if (rank == 0) throw Error("softmax: logits must have rank >= 1, got a scalar");
  if (dim == -1) dim = rank - 1;
  if (dim != rank - 1)
    throw Error("softmax: only the last dimension is supported: logits " + shapeToString(logits.shape()) +
                " has rank " + std::to_string(rank) + " and dim was " + std::to_string(dim));
  return runKernel1("Softmax", {logits}, Attrs{{"dim", dim}});
}
Tensor Tensor::softmax(int64_t dim) const { return edgeflow::softmax(*this, dim); }

EF_REGISTER_GRADIENT("Softmax", [](const GradContext& g) {
  const Tensor& y = g.outputs[0];
  Tensor dyTimesY = mul(g.dys[0], y);
  Tensor total = sum(dyTimesY, Axes(g.attrs.getInt("dim")), true);
  return std::vector<Tensor>{sub(dyTimesY, mul(total, y))};
});

}  // namespace edgeflow
