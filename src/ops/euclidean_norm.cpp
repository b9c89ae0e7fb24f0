// tf.euclideanNorm: norm(x, "euclidean", axis, keepDims).
#include "edgeflow/ops/reduction.h"

namespace edgeflow {

Tensor euclideanNorm(const Tensor& x, Axes axis, bool keepDims) {
  return norm(x, "euclidean", std::move(axis), keepDims);
}
Tensor Tensor::euclideanNorm(Axes axis, bool keepDims) const {
  return edgeflow::euclideanNorm(*this, std::move(axis), keepDims);
}

}  // namespace edgeflow
