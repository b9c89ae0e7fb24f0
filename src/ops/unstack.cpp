// tf.unstack (kernel Unpack): one tensor per index along an axis, which is removed.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"

namespace edgeflow {

std::vector<Tensor> unstack(const Tensor& x, int64_t axis) {
  const int64_t rank = x.rank();
  if (axis < -rank || axis >= rank)
    throw Error("unstack: axis " + std::to_string(axis) + " is not in [" + std::to_string(-rank) + ", " +
                std::to_string(rank) + ") for x " + shapeToString(x.shape()));
  return runKernel("Unpack", {x}, Attrs{{"axis", axis < 0 ? axis + rank : axis}});
}
std::vector<Tensor> Tensor::unstack(int64_t axis) const { return edgeflow::unstack(*this, axis); }

EF_REGISTER_GRADIENT("Unpack", [](const GradContext& g) {
  return std::vector<Tensor>{stack(g.dys, g.attrs.getInt("axis"))};
});

}  // namespace edgeflow
