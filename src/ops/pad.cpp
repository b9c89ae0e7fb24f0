// tf.pad (kernel PadV2) with a constant value.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/slice_util.h"

namespace edgeflow {

Tensor pad(const Tensor& x, const Paddings& paddings, double constantValue) {
  if (x.rank() == 0) throw Error("pad: pad(scalar) is not defined; pass a non-scalar to pad");
  if (static_cast<int64_t>(paddings.size()) != x.rank())
    throw Error("pad: paddings must have one [before, after] pair per dimension of x " + shapeToString(x.shape()) +
                ", got " + std::to_string(paddings.size()));
  for (auto& [before, after] : paddings)
    if (before < 0 || after < 0)
      throw Error("pad: paddings must be non-negative, got [" + std::to_string(before) + ", " + std::to_string(after) +
                  "]");
  return runKernel1("PadV2", {x}, Attrs{{"paddings", flattenPairs(paddings)}, {"constantValue", constantValue}});
}
Tensor Tensor::pad(const std::vector<std::pair<int64_t, int64_t>>& paddings, double constantValue) const {
  return edgeflow::pad(*this, paddings, constantValue);
}

// The gradient slices x's part out of dy.
EF_REGISTER_GRADIENT("PadV2", [](const GradContext& g) {
  std::vector<int64_t> begin;
  for (auto& [before, after] : pairsOf(g.attrs.getInts("paddings"))) begin.push_back(before);
  return std::vector<Tensor>{slice(g.dys[0], begin, g.inputs[0].shape())};
});

}  // namespace edgeflow
