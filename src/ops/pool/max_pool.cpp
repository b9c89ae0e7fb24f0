// tf.maxPool and tf.avgPool (kernels MaxPool, AvgPool) over NHWC; a rank-3 x is one image.
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/pool.h"
#include "ops/op_utils.h"
#include "ops/pool/pool_util.h"

namespace edgeflow {
namespace {

Tensor pool2d(const char* kernel, const char* op, const Tensor& x, Int2 filterSize, Int2 strides,
              const Padding& pad, const std::string& dimRoundingMode) {
  if (x.rank() != 3 && x.rank() != 4)
    throw Error(std::string(op) + ": x must be rank 4 (or 3 for one image), got shape " + shapeToString(x.shape()));
  Tensor x4 = x.rank() == 3 ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2]}) : x;
  auto f = pooling::dims(filterSize, op, "filterSize");
  auto s = pooling::dims(strides, op, "strides");
  pooling::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  pooling::computePool2DInfo(x4.shape(), f, s, {1, 1}, pad, dimRoundingMode, op);  // argument errors name the op
  Tensor y = runKernel1(kernel, {x4}, pooling::poolAttrs(f, s, pad, dimRoundingMode));
  return x.rank() == 3 ? reshape(y, {y.shape()[1], y.shape()[2], y.shape()[3]}) : y;
}

}  // namespace

Tensor maxPool(const Tensor& x, Int2 filterSize, Int2 strides, const Padding& pad, const std::string& dimRoundingMode) {
  return pool2d("MaxPool", "maxPool", x, filterSize, strides, pad, dimRoundingMode);
}

Tensor avgPool(const Tensor& x, Int2 filterSize, Int2 strides, const Padding& pad, const std::string& dimRoundingMode) {
  assertDType(x, {DType::float32}, "avgPool", "x");
  return pool2d("AvgPool", "avgPool", x, filterSize, strides, pad, dimRoundingMode);
}

}  // namespace edgeflow
