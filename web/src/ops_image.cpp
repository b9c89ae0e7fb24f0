// tf.image.* ops.
#include <limits>

#include "edgeflow/ops/image.h"
#include "op_table.h"

namespace edgeflow::web {

void addImageOps(OpTable& t) {
  t.add("image.resizeBilinear", 1, [](const OpArgs& a) {
    return image::resizeBilinear(a[0], a.ints("size"), a.flag("alignCorners"), a.flag("halfPixelCenters"));
  });
  t.add("image.resizeNearestNeighbor", 1, [](const OpArgs& a) {
    return image::resizeNearestNeighbor(a[0], a.ints("size"), a.flag("alignCorners"), a.flag("halfPixelCenters"));
  });
  t.add("image.cropAndResize", 3, [](const OpArgs& a) {
    return image::cropAndResize(a[0], a[1], a[2], a.ints("cropSize"), a.string("method", "bilinear"),
                                a.number("extrapolationValue", 0));
  });
  t.add("image.flipLeftRight", 1, [](const OpArgs& a) { return image::flipLeftRight(a[0]); });
  t.add("image.rgbToGrayscale", 1, [](const OpArgs& a) { return image::rgbToGrayscale(a[0]); });
  t.add("image.grayscaleToRGB", 1, [](const OpArgs& a) { return image::grayscaleToRGB(a[0]); });
  // fillValue: a number or [r, g, b]; center: a fraction or [x, y] fractions (TF.js's defaults 0, 0.5).
  t.add("image.rotateWithOffset", 1, [](const OpArgs& a) {
    return image::rotateWithOffset(a[0], a.number("radians"), image::FillValue(a.numbers("fillValue", {0})),
                                   image::ImageCenter(a.numbers("center", {0.5})));
  });
  const double noScoreThreshold = -std::numeric_limits<double>::infinity();
  t.add("image.nonMaxSuppression", 2, [=](const OpArgs& a) {
    return image::nonMaxSuppression(a[0], a[1], a.integer("maxOutputSize"), a.number("iouThreshold", 0.5),
                                    a.number("scoreThreshold", noScoreThreshold));
  });
  t.add("image.nonMaxSuppressionWithScore", 2, [=](const OpArgs& a) {
    auto r = image::nonMaxSuppressionWithScore(a[0], a[1], a.integer("maxOutputSize"), a.number("iouThreshold", 0.5),
                                               a.number("scoreThreshold", noScoreThreshold), a.number("softNmsSigma", 0));
    return std::vector<Tensor>{r.selectedIndices, r.selectedScores};
  });
  t.add("image.nonMaxSuppressionPadded", 2, [=](const OpArgs& a) {
    auto r = image::nonMaxSuppressionPadded(a[0], a[1], a.integer("maxOutputSize"), a.number("iouThreshold", 0.5),
                                            a.number("scoreThreshold", noScoreThreshold), a.flag("padToMaxOutputSize"));
    return std::vector<Tensor>{r.selectedIndices, r.validOutputs};
  });
}

}  // namespace edgeflow::web
