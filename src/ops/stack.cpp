// tf.stack (kernel Pack): joins equal-shaped tensors along a new axis.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"

namespace edgeflow {

Tensor stack(const std::vector<Tensor>& tensors, int64_t axis) {
  if (tensors.empty()) throw Error("stack: pass at least one tensor to tf.stack");
  const Tensor& first = tensors[0];
  const int64_t rank = first.rank();
  if (axis > rank || axis < -(rank + 1))
    throw Error("stack: axis " + std::to_string(axis) + " must be in the interval [" + std::to_string(-(rank + 1)) +
                ", " + std::to_string(rank) + "] for tensors of shape " + shapeToString(first.shape()));
  for (size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].shape() != first.shape())
      throw Error("stack: all tensors passed to stack must have matching shapes, tensors[" + std::to_string(i) +
                  "] " + shapeToString(tensors[i].shape()) + " vs " + shapeToString(first.shape()));
    if (tensors[i].dtype() != first.dtype())
      throw Error(std::string("stack: all tensors passed to stack must have matching dtypes, tensors[") +
                  std::to_string(i) + "] is " + dtypeName(tensors[i].dtype()) + " vs " + dtypeName(first.dtype()));
  }
  return runKernel1("Pack", tensors, Attrs{{"axis", axis < 0 ? axis + rank + 1 : axis}});
}

EF_REGISTER_GRADIENT("Pack", [](const GradContext& g) { return unstack(g.dys[0], g.attrs.getInt("axis")); });

}  // namespace edgeflow
