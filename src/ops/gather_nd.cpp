// tf.gatherND (kernel GatherNd): the last dimension of int32 indices addresses slices of x.
// TF.js has no gradient for it; ours scatters dy back with scatterND.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor gatherND(const Tensor& x, const Tensor& indices) {
  assertDType(indices, {DType::int32}, "gatherND", "indices");
  if (x.rank() < 1) throw Error("gatherND: x must be rank 1 or higher, got a scalar");
  if (indices.rank() < 1) throw Error("gatherND: indices must be rank 1 or higher, got a scalar");
  const int64_t k = indices.shape().back();
  if (k > x.rank())
    throw Error("gatherND: index innermost dimension length must be <= the rank of x; indices " +
                shapeToString(indices.shape()) + " vs x " + shapeToString(x.shape()));
  if (x.size() == 0)
    throw Error("gatherND: requested more than 0 entries, but x is empty: x " + shapeToString(x.shape()));
  return runKernel1("GatherNd", {x, indices});
}

EF_REGISTER_GRADIENT("GatherNd", [](const GradContext& g) {
  return std::vector<Tensor>{scatterND(g.inputs[1], g.dys[0], g.inputs[0].shape()), Tensor()};
});

}  // namespace edgeflow
