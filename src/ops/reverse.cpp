// tf.reverse (kernel Reverse) along the given axes (all when none are given).
#include <algorithm>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor reverse(const Tensor& x, Axes axis) {
  std::vector<int64_t> dims;
  if (axis.all) {
    for (int64_t d = 0; d < x.rank(); ++d) dims.push_back(d);
  }
  for (int64_t a : axis.axes) {
    if (a < -x.rank() || a >= x.rank())
      throw Error("reverse: axis " + std::to_string(a) + " must be in range [-" + std::to_string(x.rank()) + ", " +
                  std::to_string(x.rank()) + ") for x " + shapeToString(x.shape()));
    int64_t d = a < 0 ? a + x.rank() : a;
    if (std::find(dims.begin(), dims.end(), d) != dims.end())
      throw Error("reverse: axis " + std::to_string(a) + " is repeated");
    dims.push_back(d);
  }
  return runKernel1("Reverse", {x}, Attrs{{"dims", dims}});
}
Tensor Tensor::reverse(Axes axis) const { return edgeflow::reverse(*this, std::move(axis)); }

EF_REGISTER_GRADIENT("Reverse", [](const GradContext& g) {
  return std::vector<Tensor>{reverse(g.dys[0], Axes(g.attrs.getInts("dims")))};
});

}  // namespace edgeflow
