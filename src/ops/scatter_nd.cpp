// tf.scatterND (kernel ScatterNd): zeros of `shape` with updates summed in at int32 indices.
// TF.js has no gradient for it; the updates' gradient is gatherND of dy.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor scatterND(const Tensor& indices, const Tensor& updates, const Shape& shape) {
  assertDType(indices, {DType::int32}, "scatterND", "indices");
  for (int64_t d : shape)
    if (d < 0) throw Error("scatterND: shape " + shapeToString(shape) + " must have non-negative dimensions");
  if (indices.rank() < 1) throw Error("scatterND: indices must be rank 1 or higher, got a scalar");
  if (updates.rank() < 1) throw Error("scatterND: updates must be rank 1 or higher, got a scalar");
  if (shape.empty()) throw Error("scatterND: output rank must be 1 or higher, got shape []");
  // updates.shape must be indices.shape[:batch] + shape[sliceDim:].
  const Shape& is = indices.shape();
  const Shape& us = updates.shape();
  const int64_t sliceDim = is.size() > 1 ? is.back() : 1;
  const int64_t batch = is.size() > 1 ? static_cast<int64_t>(is.size()) - 1 : 1;
  const auto rank = static_cast<int64_t>(shape.size());
  bool ok = updates.rank() >= batch && rank >= sliceDim && updates.rank() == batch + rank - sliceDim;
  for (int64_t d = 0; ok && d < batch; ++d) ok = us[static_cast<size_t>(d)] == is[static_cast<size_t>(d)];
  for (int64_t d = 0; ok && d < updates.rank() - batch; ++d)
    ok = us[static_cast<size_t>(d + batch)] == shape[static_cast<size_t>(d + sliceDim)];
  if (!ok)
    throw Error("scatterND: must have updates.shape = indices.shape[:batchDim] + shape[sliceDim:], got updates " +
                shapeToString(us) + ", indices " + shapeToString(is) + ", shape " + shapeToString(shape));
  return runKernel1("ScatterNd", {indices, updates}, Attrs{{"shape", shape}});
}

// Rank-1 indices hold one single-coordinate index per update.
EF_REGISTER_GRADIENT("ScatterNd", [](const GradContext& g) {
  const Tensor& indices = g.inputs[0];
  if (g.dys[0].size() == 0) return std::vector<Tensor>{Tensor(), zeros(g.inputs[1].shape())};
  Tensor idx = indices.rank() == 1 ? reshape(indices, {indices.size(), 1}) : indices;
  return std::vector<Tensor>{Tensor(), gatherND(g.dys[0], idx)};
});

}  // namespace edgeflow
