// tf.spaceToBatchND (kernel SpaceToBatchND): zero-pads the spatial dimensions, then moves
// blockShape blocks of them into the batch.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/slice_util.h"

namespace edgeflow {

Tensor spaceToBatchND(const Tensor& x, std::vector<int64_t> blockShape, const Paddings& paddings) {
  const auto m = static_cast<int64_t>(blockShape.size());
  if (x.rank() < 1 + m)
    throw Error("spaceToBatchND: x " + shapeToString(x.shape()) + " must have rank > blockShape.length " +
                std::to_string(m));
  if (paddings.size() != blockShape.size())
    throw Error("spaceToBatchND: paddings.length " + std::to_string(paddings.size()) +
                " must be equal to blockShape.length " + std::to_string(m));
  for (size_t i = 0; i < blockShape.size(); ++i) {
    auto [before, after] = paddings[i];
    if (blockShape[i] < 1) throw Error("spaceToBatchND: blockShape " + shapeToString(blockShape) + " must be >= 1");
    if (before < 0 || after < 0) throw Error("spaceToBatchND: paddings must be non-negative");
    if ((x.shape()[i + 1] + before + after) % blockShape[i] != 0)
      throw Error("spaceToBatchND: input spatial dimensions of x " + shapeToString(x.shape()) +
                  " with paddings must be divisible by blockShape " + shapeToString(blockShape));
  }
  return runKernel1("SpaceToBatchND", {x},
                    Attrs{{"blockShape", blockShape}, {"paddings", flattenPairs(paddings)}});
}

EF_REGISTER_GRADIENT("SpaceToBatchND", [](const GradContext& g) {
  return std::vector<Tensor>{
      batchToSpaceND(g.dys[0], g.attrs.getInts("blockShape"), pairsOf(g.attrs.getInts("paddings")))};
});

}  // namespace edgeflow
