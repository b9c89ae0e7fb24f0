// tf.image.cropAndResize (kernel CropAndResize). TF.js registers no gradient for it.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/image.h"
#include "ops/op_utils.h"

namespace edgeflow::image {

Tensor cropAndResize(const Tensor& image, const Tensor& boxes, const Tensor& boxInd, const std::vector<int64_t>& cropSize,
                     const std::string& method, double extrapolationValue) {
  assertDType(boxes, {DType::float32}, "cropAndResize", "boxes");
  assertDType(boxInd, {DType::int32}, "cropAndResize", "boxInd");
  if (image.rank() != 4)
    throw Error("Error in cropAndResize: image must be rank 4, but got rank " + std::to_string(image.rank()) + " (shape " +
                shapeToString(image.shape()) + ").");
  int64_t numBoxes = boxes.rank() > 0 ? boxes.shape()[0] : 0;
  if (boxes.rank() != 2 || boxes.shape()[1] != 4)
    throw Error("Error in cropAndResize: boxes must be have size [" + std::to_string(numBoxes) + ",4] but had shape " +
                shapeToString(boxes.shape()) + ".");
  if (boxInd.rank() != 1 || boxInd.shape()[0] != numBoxes)
    throw Error("Error in cropAndResize: boxInd must be have size [" + std::to_string(numBoxes) + "] but had shape " +
                shapeToString(boxInd.shape()) + ".");
  if (cropSize.size() != 2)
    throw Error("Error in cropAndResize: cropSize must be of length 2, but got length " + std::to_string(cropSize.size()) + ".");
  if (cropSize[0] < 1 || cropSize[1] < 1)
    throw Error("cropAndResize: cropSize must be atleast [1,1], but was " + shapeToString(cropSize));
  if (method != "bilinear" && method != "nearest")
    throw Error("cropAndResize: method must be bilinear or nearest, but was " + method);
  return runKernel1("CropAndResize", {image, boxes, boxInd},
                    Attrs{{"method", method}, {"extrapolationValue", extrapolationValue}, {"cropSize", cropSize}});
}

}  // namespace edgeflow::image
