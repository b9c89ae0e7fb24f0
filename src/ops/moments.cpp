// tf.moments: mean and (biased) variance over the axes, in float32. A composite, as TF.js.
#include "backends/ref/reduce.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

Moments moments(const Tensor& x, Axes axis, bool keepDims) {
  auto axes = reductionAxes(axis, x.rank(), "moments");
  Tensor m = mean(x, Axes(axes), keepDims);
  Tensor dev = sub(toFloat(x), reshape(m, keepDimsShape(x.shape(), axes)));
  return {m, mean(square(dev), Axes(axes), keepDims)};
}

}  // namespace edgeflow
