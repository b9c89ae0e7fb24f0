// tf.image.nonMaxSuppression, nonMaxSuppressionWithScore and nonMaxSuppressionPadded (kernels
// NonMaxSuppressionV3, V5, V4), with TF.js's argument checks (nonMaxSuppSanityCheck).
#include <algorithm>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/image.h"
#include "ops/op_utils.h"

namespace edgeflow::image {
namespace {

struct NmsArgs {
  int64_t maxOutputSize;
  double iouThreshold, scoreThreshold, softNmsSigma;
};

NmsArgs sanityCheck(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize, double iouThreshold,
                    double scoreThreshold, double softNmsSigma) {
  int64_t numBoxes = boxes.rank() > 0 ? boxes.shape()[0] : 0;
  if (!(0 <= iouThreshold && iouThreshold <= 1))
    throw Error("nonMaxSuppression: iouThreshold must be in [0, 1], but was '" + std::to_string(iouThreshold) + "'");
  if (boxes.rank() != 2)
    throw Error("nonMaxSuppression: boxes must be a 2D tensor, but was of rank '" + std::to_string(boxes.rank()) + "'");
  if (boxes.shape()[1] != 4)
    throw Error("nonMaxSuppression: boxes must have 4 columns, but 2nd dimension was " + std::to_string(boxes.shape()[1]));
  if (scores.rank() != 1)
    throw Error("nonMaxSuppression: scores must be a 1D tensor, got shape " + shapeToString(scores.shape()));
  if (scores.shape()[0] != numBoxes)
    throw Error("nonMaxSuppression: scores has incompatible shape with boxes. Expected " + std::to_string(numBoxes) +
                ", but was " + std::to_string(scores.shape()[0]));
  if (!(0 <= softNmsSigma && softNmsSigma <= 1))
    throw Error("nonMaxSuppression: softNmsSigma must be in [0, 1], but was '" + std::to_string(softNmsSigma) + "'");
  return {std::min(maxOutputSize, numBoxes), iouThreshold, scoreThreshold, softNmsSigma};
}

Attrs nmsAttrs(const NmsArgs& a) {
  return Attrs{{"maxOutputSize", a.maxOutputSize}, {"iouThreshold", a.iouThreshold}, {"scoreThreshold", a.scoreThreshold}};
}

}  // namespace

Tensor nonMaxSuppression(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize, double iouThreshold,
                         double scoreThreshold) {
  assertDType(boxes, {DType::float32}, "nonMaxSuppression", "boxes");
  assertDType(scores, {DType::float32}, "nonMaxSuppression", "scores");
  NmsArgs a = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0);
  return runKernel1("NonMaxSuppressionV3", {boxes, scores}, nmsAttrs(a));
}

NonMaxSuppressionWithScore nonMaxSuppressionWithScore(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize,
                                                      double iouThreshold, double scoreThreshold, double softNmsSigma) {
  NmsArgs a = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma);
  Attrs attrs = nmsAttrs(a);
  attrs.set("softNmsSigma", a.softNmsSigma);
  auto r = runKernel("NonMaxSuppressionV5", {toFloat(boxes), toFloat(scores)}, attrs);
  return {r[0], r[1]};
}

NonMaxSuppressionPadded nonMaxSuppressionPadded(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize,
                                                double iouThreshold, double scoreThreshold, bool padToMaxOutputSize) {
  NmsArgs a = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0);
  Attrs attrs = nmsAttrs(a);
  attrs.set("padToMaxOutputSize", padToMaxOutputSize);
  auto r = runKernel("NonMaxSuppressionV4", {toFloat(boxes), toFloat(scores)}, attrs);
  return {r[0], r[1]};
}

}  // namespace edgeflow::image
