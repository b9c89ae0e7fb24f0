// tf.batchToSpaceND (kernel BatchToSpaceND): moves blocks of the batch back into the spatial
// dimensions, then crops them.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/slice_util.h"

namespace edgeflow {

Tensor batchToSpaceND(const Tensor& x, std::vector<int64_t> blockShape, const Paddings& crops) {
  const auto m = static_cast<int64_t>(blockShape.size());
  if (x.rank() < 1 + m)
    throw Error("batchToSpaceND: x " + shapeToString(x.shape()) + " must have rank > blockShape.length " +
                std::to_string(m));
  if (crops.size() != blockShape.size())
    throw Error("batchToSpaceND: crops.length " + std::to_string(crops.size()) +
                " must be equal to blockShape.length " + std::to_string(m));
  int64_t prod = 1;
  for (int64_t b : blockShape) {
    if (b < 1) throw Error("batchToSpaceND: blockShape " + shapeToString(blockShape) + " must be >= 1");
    prod *= b;
  }
  if (m == 0 || x.shape()[0] % prod != 0)
    throw Error("batchToSpaceND: the batch of x " + shapeToString(x.shape()) +
                " must be divisible by the product of blockShape " + shapeToString(blockShape));
  for (size_t i = 0; i < crops.size(); ++i) {
    auto [before, after] = crops[i];
    if (before < 0 || after < 0 || before + after > x.shape()[i + 1] * blockShape[i])
      throw Error("batchToSpaceND: crops [" + std::to_string(before) + ", " + std::to_string(after) +
                  "] must be non-negative and fit dimension " + std::to_string(i + 1) + " of x " +
                  shapeToString(x.shape()) + " times the block");
  }
  return runKernel1("BatchToSpaceND", {x}, Attrs{{"blockShape", blockShape}, {"crops", flattenPairs(crops)}});
}

EF_REGISTER_GRADIENT("BatchToSpaceND", [](const GradContext& g) {
  return std::vector<Tensor>{
      spaceToBatchND(g.dys[0], g.attrs.getInts("blockShape"), pairsOf(g.attrs.getInts("crops")))};
});

}  // namespace edgeflow
