// tf.logSoftmax: a composite, as in TF.js: (x - max) - log(sum(exp(x - max))), with the custom
// gradient dy - sum(dy) * exp(value). Only the last axis, as in TF.js.
#include <string>

#include "edgeflow/autograd.h"
#include "edgeflow/ops/reduction.h"
#include "ops/unary_op.h"

namespace edgeflow {

Tensor logSoftmax(const Tensor& logits, int64_t axis) {
  int rank = logits.rank();
  if (rank == 0) throw Error("logSoftmax: logits must have rank >= 1, got a scalar");
  if (axis == -1) axis = rank - 1;
  if (axis != rank - 1)
    throw Error("logSoftmax: only the last axis is supported: logits " + shapeToString(logits.shape()) +
                " has rank " + std::to_string(rank) + " and axis was " + std::to_string(axis));
  MultiFn op = customGrad([axis](const std::vector<Tensor>& in) {
    Tensor shifted = sub(in[0], max(in[0], Axes(axis), true));
    CustomGradResult r;
    r.value = sub(cast(shifted, DType::float32), log(sum(exp(shifted), Axes(axis), true)));
    r.save = {r.value};
    r.gradFunc = [axis](const Tensor& dy, const std::vector<Tensor>& saved) {
      return std::vector<Tensor>{sub(dy, mul(sum(dy, Axes(axis), true), exp(saved[0])))};
    };
    return r;
  });
  return op({logits});
}
Tensor Tensor::logSoftmax(int64_t axis) const { return edgeflow::logSoftmax(*this, axis); }

}  // namespace edgeflow
