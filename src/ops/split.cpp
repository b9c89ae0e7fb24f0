// tf.split (kernel SplitV) into equal parts or given sizes (one -1 takes the rest).
#include <numeric>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/op_utils.h"

namespace edgeflow {

std::vector<Tensor> split(const Tensor& x, std::vector<int64_t> sizeSplits, int64_t axis) {
  const int64_t ax = normalizeAxis(axis, x.rank(), "split");
  if (x.rank() == 0) throw Error("split: x must have rank >= 1, got a scalar");
  const int64_t dim = x.shape()[static_cast<size_t>(ax)];
  int64_t known = 0, inferAt = -1;
  for (size_t i = 0; i < sizeSplits.size(); ++i) {
    if (sizeSplits[i] == -1) {
      if (inferAt >= 0) throw Error("split: there should be only one negative value in split array " + shapeToString(sizeSplits));
      inferAt = static_cast<int64_t>(i);
    } else if (sizeSplits[i] < 0) {
      throw Error("split: sizes " + shapeToString(sizeSplits) + " must be non-negative or -1");
    } else {
      known += sizeSplits[i];
    }
  }
  if (inferAt >= 0) sizeSplits[static_cast<size_t>(inferAt)] = dim - known;
  if (sizeSplits.empty() || std::accumulate(sizeSplits.begin(), sizeSplits.end(), int64_t{0}) != dim ||
      (inferAt >= 0 && dim - known < 0))
    throw Error("split: the sum of sizes " + shapeToString(sizeSplits) + " must match the size of the axis dimension (" +
                std::to_string(dim) + ") of x " + shapeToString(x.shape()));
  return runKernel("SplitV", {x}, Attrs{{"numOrSizeSplits", sizeSplits}, {"axis", ax}});
}

std::vector<Tensor> split(const Tensor& x, int64_t numSplits, int64_t axis) {
  const int64_t ax = normalizeAxis(axis, x.rank(), "split");
  if (x.rank() == 0) throw Error("split: x must have rank >= 1, got a scalar");
  const int64_t dim = x.shape()[static_cast<size_t>(ax)];
  if (numSplits <= 0 || dim % numSplits != 0)
    throw Error("split: number of splits " + std::to_string(numSplits) + " must evenly divide the axis dimension (" +
                std::to_string(dim) + ") of x " + shapeToString(x.shape()));
  return split(x, std::vector<int64_t>(static_cast<size_t>(numSplits), dim / numSplits), ax);
}
std::vector<Tensor> Tensor::split(int64_t numSplits, int64_t axis) const {
  return edgeflow::split(*this, numSplits, axis);
}

EF_REGISTER_GRADIENT("SplitV", [](const GradContext& g) {
  return std::vector<Tensor>{concat(g.dys, g.attrs.getInt("axis"))};
});

}  // namespace edgeflow
