// Adapters for tests/oracle/gen/cases/image.mjs.
#include <limits>

#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

// A TF.js `number | number[]` attr as a list.
std::vector<double> doubles(const Call& c, const char* name, double def) {
  if (!c.has(name)) return {def};
  const auto& a = c.attrs[name];
  return a.is_number() ? std::vector<double>{a.get<double>()} : a.get<std::vector<double>>();
}
double scoreThreshold(const Call& c) { return c.d("scoreThreshold", -std::numeric_limits<double>::infinity()); }

EF_ORACLE_OP("resizeBilinear", [](const Call& c) {
  return one(image::resizeBilinear(c.in(0), c.ints("size"), c.b("alignCorners"), c.b("halfPixelCenters")));
});
EF_ORACLE_OP("resizeNearestNeighbor", [](const Call& c) {
  return one(image::resizeNearestNeighbor(c.in(0), c.ints("size"), c.b("alignCorners"), c.b("halfPixelCenters")));
});
EF_ORACLE_OP("cropAndResize", [](const Call& c) {
  return one(image::cropAndResize(c.in(0), c.in(1), c.in(2), c.ints("cropSize"), c.s("method", "bilinear"),
                                  c.d("extrapolationValue", 0)));
});
EF_ORACLE_OP("flipLeftRight", [](const Call& c) { return one(image::flipLeftRight(c.in(0))); });
EF_ORACLE_OP("rotateWithOffset", [](const Call& c) {
  return one(image::rotateWithOffset(c.in(0), c.d("radians"), doubles(c, "fillValue", 0), doubles(c, "center", 0.5)));
});
EF_ORACLE_OP("rgbToGrayscale", [](const Call& c) { return one(image::rgbToGrayscale(c.in(0))); });
EF_ORACLE_OP("grayscaleToRGB", [](const Call& c) { return one(image::grayscaleToRGB(c.in(0))); });
EF_ORACLE_OP("nonMaxSuppression", [](const Call& c) {
  return one(image::nonMaxSuppression(c.in(0), c.in(1), c.i("maxOutputSize"), c.d("iouThreshold", 0.5), scoreThreshold(c)));
});
EF_ORACLE_OP("nonMaxSuppressionWithScore", [](const Call& c) {
  auto r = image::nonMaxSuppressionWithScore(c.in(0), c.in(1), c.i("maxOutputSize"), c.d("iouThreshold", 0.5),
                                             scoreThreshold(c), c.d("softNmsSigma", 0));
  return std::vector<Tensor>{r.selectedIndices, r.selectedScores};
});
EF_ORACLE_OP("nonMaxSuppressionPadded", [](const Call& c) {
  auto r = image::nonMaxSuppressionPadded(c.in(0), c.in(1), c.i("maxOutputSize"), c.d("iouThreshold", 0.5),
                                          scoreThreshold(c), c.b("padToMaxOutputSize"));
  return std::vector<Tensor>{r.selectedIndices, r.validOutputs};
});

}  // namespace
}  // namespace edgeflow::oracle
