// tf.image.flipLeftRight (kernel FlipLeftRight) and tf.image.rotateWithOffset (kernel
// RotateWithOffset) on float32 NHWC images.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/image.h"
#include "ops/op_utils.h"

namespace edgeflow::image {
namespace {

void checkImage(const char* op, const Tensor& image) {
  assertDType(image, {DType::float32}, op, "image");
  if (image.rank() != 4)
    throw Error(std::string("Error in ") + op + ": image must be rank 4, but got rank " + std::to_string(image.rank()) +
                " (shape " + shapeToString(image.shape()) + ").");
}

}  // namespace

Tensor flipLeftRight(const Tensor& image) {
  checkImage("flipLeftRight", image);
  return runKernel1("FlipLeftRight", {image});
}

Tensor rotateWithOffset(const Tensor& image, double radians, FillValue fillValue, ImageCenter center) {
  checkImage("rotateWithOffset", image);
  if (fillValue.values.empty()) throw Error("rotateWithOffset: fillValue must be a number or [r, g, b]");
  if (center.xy.size() != 1 && center.xy.size() != 2)
    throw Error("rotateWithOffset: center must be a number or [x, y], got " + std::to_string(center.xy.size()) + " values");
  return runKernel1("RotateWithOffset", {image},
                    Attrs{{"radians", radians}, {"fillValue", fillValue.values}, {"center", center.xy}});
}

// TF.js registers no gradient for FlipLeftRight; mirroring is its own transpose, so dx = flip(dy).
EF_REGISTER_GRADIENT("FlipLeftRight", [](const GradContext& g) {
  return std::vector<Tensor>{runKernel1("FlipLeftRight", {toFloat(g.dys[0])})};
});

}  // namespace edgeflow::image
