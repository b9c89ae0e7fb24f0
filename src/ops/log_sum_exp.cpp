// tf.logSumExp: log(sum(exp(x))) computed as max + log(sum(exp(x - max))). A composite, as TF.js.
#include "backends/ref/reduce.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {

Tensor logSumExp(const Tensor& x, Axes axis, bool keepDims) {
  auto axes = reductionAxes(axis, x.rank(), "logSumExp");
  Tensor xMax = max(x, Axes(axes), true);
  Tensor logSum = log(sum(exp(sub(x, xMax)), Axes(axes)));
  Tensor res = add(reshape(xMax, logSum.shape()), logSum);
  return keepDims ? reshape(res, keepDimsShape(x.shape(), axes)) : res;
}
Tensor Tensor::logSumExp(Axes axis, bool keepDims) const {
  return edgeflow::logSumExp(*this, std::move(axis), keepDims);
}

}  // namespace edgeflow
