// tf.image.resizeBilinear and tf.image.resizeNearestNeighbor (kernels ResizeBilinear,
// ResizeNearestNeighbor; gradients ResizeBilinearGrad, ResizeNearestNeighborGrad). As in TF.js the
// gradient kernels ignore halfPixelCenters (they differentiate the alignCorners-only mapping).
#include "edgeflow/kernel.h"
#include "edgeflow/ops/image.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/op_utils.h"

namespace edgeflow::image {
namespace {

Tensor resize(const char* kernel, const char* op, const Tensor& images, const std::vector<int64_t>& size,
              bool alignCorners, bool halfPixelCenters) {
  if (images.rank() != 3 && images.rank() != 4)
    throw Error(std::string("Error in ") + op + ": x must be rank 3 or 4, but got rank " + std::to_string(images.rank()) +
                " (shape " + shapeToString(images.shape()) + ").");
  if (size.size() != 2)
    throw Error(std::string("Error in ") + op + ": new shape must 2D, but got shape " + shapeToString(size) + ".");
  if (size[0] < 0 || size[1] < 0)
    throw Error(std::string("Error in ") + op + ": new shape must not be negative, got " + shapeToString(size) + ".");
  if (halfPixelCenters && alignCorners)
    throw Error(std::string("Error in ") + op + ": If halfPixelCenters is true, alignCorners must be false.");
  const Shape& s = images.shape();
  Tensor x4 = images.rank() == 3 ? reshape(images, {1, s[0], s[1], s[2]}) : images;
  Tensor y = runKernel1(kernel, {x4}, Attrs{{"alignCorners", alignCorners}, {"halfPixelCenters", halfPixelCenters},
                                            {"size", size}});
  return images.rank() == 3 ? reshape(y, {y.shape()[1], y.shape()[2], y.shape()[3]}) : y;
}

}  // namespace

Tensor resizeBilinear(const Tensor& images, const std::vector<int64_t>& size, bool alignCorners, bool halfPixelCenters) {
  return resize("ResizeBilinear", "resizeBilinear", images, size, alignCorners, halfPixelCenters);
}

Tensor resizeNearestNeighbor(const Tensor& images, const std::vector<int64_t>& size, bool alignCorners,
                             bool halfPixelCenters) {
  if (images.dtype() != DType::float32 && images.dtype() != DType::int32)
    throw Error(std::string("resizeNearestNeighbor: `images` must have `int32` or `float32` as dtype, got ") +
                dtypeName(images.dtype()));
  return resize("ResizeNearestNeighbor", "resizeNearestNeighbor", images, size, alignCorners, halfPixelCenters);
}

EF_REGISTER_GRADIENT("ResizeBilinear", [](const GradContext& g) {
  return std::vector<Tensor>{runKernel1("ResizeBilinearGrad", {toFloat(g.dys[0]), g.inputs[0]}, g.attrs)};
});
EF_REGISTER_GRADIENT("ResizeNearestNeighbor", [](const GradContext& g) {
  return std::vector<Tensor>{runKernel1("ResizeNearestNeighborGrad", {toFloat(g.dys[0]), g.inputs[0]}, g.attrs)};
});

}  // namespace edgeflow::image
