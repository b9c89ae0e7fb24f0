// tf.expandDims (kernel ExpandDims, a reshape that shares x's data).
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"

namespace edgeflow {

Tensor expandDims(const Tensor& x, int64_t axis) {
  const int64_t rank = x.rank();
  if (axis > rank || axis < -(rank + 1))
    throw Error("expandDims: axis " + std::to_string(axis) + " must be in the interval [" +
                std::to_string(-(rank + 1)) + ", " + std::to_string(rank) + "] for x " + shapeToString(x.shape()));
  return runKernel1("ExpandDims", {x}, Attrs{{"dim", axis < 0 ? axis + rank + 1 : axis}});
}
Tensor Tensor::expandDims(int64_t axis) const { return edgeflow::expandDims(*this, axis); }

EF_REGISTER_GRADIENT("ExpandDims", [](const GradContext& g) {
  return std::vector<Tensor>{reshape(g.dys[0], g.inputs[0].shape())};
});

}  // namespace edgeflow
