// tf.topk (kernel TopK): the k largest entries along the last axis and their int32 indices.
// Equal values come in index order, as TF.js.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/selection.h"

namespace edgeflow {

TopK topk(const Tensor& x, int64_t k, bool sorted) {
  if (x.rank() == 0) throw Error("topk: x must have rank >= 1, got shape []");
  int64_t last = x.shape().back();
  if (k < 0) throw Error("topk: k must be >= 0, got " + std::to_string(k));
  if (k > last)
    throw Error("topk: k (" + std::to_string(k) + ") must be <= the last dimension of x " +
                shapeToString(x.shape()));
  auto r = runKernel("TopK", {x}, Attrs{{"k", k}, {"sorted", sorted}});
  return {r[0], r[1]};
}

// TF.js has no TopK gradient; this is TensorFlow's: dy scattered back to where each value came from.
EF_REGISTER_GRADIENT("TopK", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  int64_t n = x.shape().back(), k = g.dys[0].shape().back();
  if (n < 2) return std::vector<Tensor>{k == n ? reshape(g.dys[0], x.shape()) : zeros(x.shape())};  // no oneHot
  Shape dyShape = g.dys[0].shape();
  dyShape.push_back(1);
  Tensor hot = oneHot(g.outputs[1], n, 1, 0, DType::float32);  // [..., k, n]
  return std::vector<Tensor>{sum(mul(reshape(g.dys[0], dyShape), hot), Axes(x.rank() - 1))};
});

}  // namespace edgeflow
