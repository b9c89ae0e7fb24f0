// tf.unique (kernel Unique): the distinct slices along an axis in order of first appearance, and
// for each position the int32 index of its slice among them.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/selection.h"
#include "ops/op_utils.h"

namespace edgeflow {

Unique unique(const Tensor& x, int64_t axis) {
  if (x.rank() == 0) throw Error("unique: x must be at least 1D, got shape []");
  int64_t a = normalizeAxis(axis, x.rank(), "unique");
  auto r = runKernel("Unique", {x}, Attrs{{"axis", a}});
  return {r[0], r[1]};
}

}  // namespace edgeflow
