// unsortedSegmentSum (kernel UnsortedSegmentSum), internal for now: gather's gradient.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/op_utils.h"
#include "ops/segment_sum.h"

namespace edgeflow::internal {

Tensor unsortedSegmentSum(const Tensor& x, const Tensor& segmentIds, int64_t numSegments) {
  assertDType(segmentIds, {DType::int32}, "unsortedSegmentSum", "segmentIds");
  if (numSegments < 0) throw Error("unsortedSegmentSum: numSegments must be >= 0, got " + std::to_string(numSegments));
  const Shape& xs = x.shape();
  const Shape& is = segmentIds.shape();
  if (is.size() > xs.size() || !std::equal(is.begin(), is.end(), xs.begin()))
    throw Error("unsortedSegmentSum: segmentIds.shape " + shapeToString(is) + " must be a prefix of x.shape " +
                shapeToString(xs));
  return runKernel1("UnsortedSegmentSum", {x, segmentIds}, Attrs{{"numSegments", numSegments}});
}

}  // namespace edgeflow::internal

namespace edgeflow {

// Each x[i] receives dy[segmentIds[i]], or zero where the id was dropped (TF.js's
// gatherDropNegatives): gather from dy with one zero row appended for the dropped ids.
EF_REGISTER_GRADIENT("UnsortedSegmentSum", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& ids = g.inputs[1];
  const int64_t numSegments = g.attrs.getInt("numSegments");
  auto v = ids.dataSync<int32_t>();
  bool dropped = false;
  for (auto& id : v)
    if (id < 0 || id >= numSegments) id = static_cast<int32_t>(numSegments), dropped = true;
  Shape zeroRow = dy.shape();
  zeroRow[0] = 1;
  Tensor src = dropped ? concat({dy, zeros(zeroRow)}, 0) : dy;
  Tensor dx = gather(src, tensor(v, {ids.size()}), 0);
  return std::vector<Tensor>{reshape(dx, g.inputs[0].shape()), Tensor()};
});

}  // namespace edgeflow
