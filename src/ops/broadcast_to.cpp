// tf.broadcastTo: as in TF.js, a Tile of x (reshaped to the target rank) whose gradient sums dy
// over the broadcast axes.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"

namespace edgeflow {

Tensor broadcastTo(const Tensor& x, const Shape& shape) {
  for (int64_t d : shape)
    if (d < 0) throw Error("broadcastTo: shape " + shapeToString(shape) + " must have non-negative dimensions");
  if (static_cast<int64_t>(shape.size()) < x.rank())
    throw Error("broadcastTo: shape.length=" + std::to_string(shape.size()) + " < x.rank=" + std::to_string(x.rank()) +
                " (x " + shapeToString(x.shape()) + ")");
  Shape xs = x.shape();
  xs.insert(xs.begin(), shape.size() - xs.size(), 1);
  std::vector<int64_t> reps(shape.size(), 1);
  bool tiled = false;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (xs[i] == shape[i]) continue;
    if (xs[i] != 1)
      throw Error("broadcastTo: " + shapeToString(x.shape()) + " cannot be broadcast to " + shapeToString(shape));
    reps[i] = shape[i];
    tiled = true;
  }
  Tensor input = xs == x.shape() ? x : reshape(x, xs);
  if (!tiled) return clone(input);
  return runKernel1("Tile", {input}, Attrs{{"reps", reps}});
}
Tensor Tensor::broadcastTo(const Shape& shape) const { return edgeflow::broadcastTo(*this, shape); }

}  // namespace edgeflow
