// tf.oneHot (kernel OneHot): int32 indices -> [..., depth] with onValue where the index matches.
// Indices outside [0, depth) give a row of offValue.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/selection.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor oneHot(const Tensor& indices, int64_t depth, double onValue, double offValue, DType dtype) {
  if (depth < 2) throw Error("oneHot: depth must be >= 2, got " + std::to_string(depth));
  assertDType(indices, {DType::int32}, "oneHot", "indices");
  return runKernel1("OneHot", {indices},
                    Attrs{{"dtype", dtype}, {"depth", depth}, {"onValue", onValue}, {"offValue", offValue}});
}
Tensor Tensor::oneHot(int64_t depth, double onValue, double offValue) const {
  return edgeflow::oneHot(*this, depth, onValue, offValue);
}

EF_REGISTER_GRADIENT("OneHot", [](const GradContext& g) {
  return std::vector<Tensor>{zeros(g.inputs[0].shape())};
});

}  // namespace edgeflow
