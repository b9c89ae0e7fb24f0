// tf.maxPool3d and tf.avgPool3d (kernels MaxPool3D, AvgPool3D) over NDHWC; a rank-4 x is one
// volume. Both return float32, as TF.js's kernels do.
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/pool.h"
#include "ops/op_utils.h"
#include "ops/pool/pool_util.h"

namespace edgeflow {
namespace {

Tensor pool3d(const char* kernel, const char* op, const Tensor& x, Int3 filterSize, Int3 strides,
              const Padding& pad, const std::string& dimRoundingMode, const std::string& dataFormat) {
  if (x.rank() != 4 && x.rank() != 5)
    throw Error(std::string(op) + ": x must be rank 5 (or 4 for one volume), got shape " + shapeToString(x.shape()));
  if (dataFormat != "NDHWC")
    throw Error(std::string(op) + ": Only NDHWC is currently supported, but got dataFormat of " + dataFormat);
  const Shape& s0 = x.shape();
  Tensor x5 = x.rank() == 4 ? reshape(x, {1, s0[0], s0[1], s0[2], s0[3]}) : x;
  auto f = pooling::dims(filterSize, op, "filterSize");
  auto s = pooling::dims(strides, op, "strides");
  pooling::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  pooling::computePool3DInfo(x5.shape(), f, s, pad, dimRoundingMode, op);
  Attrs attrs = pooling::poolAttrs(f, s, pad, dimRoundingMode);
  attrs.set("dataFormat", dataFormat);
  Tensor y = runKernel1(kernel, {x5}, attrs);
  return x.rank() == 4 ? reshape(y, {y.shape()[1], y.shape()[2], y.shape()[3], y.shape()[4]}) : y;
}

}  // namespace

Tensor maxPool3d(const Tensor& x, Int3 filterSize, Int3 strides, const Padding& pad,
                 const std::string& dimRoundingMode, const std::string& dataFormat) {
  return pool3d("MaxPool3D", "maxPool3d", x, filterSize, strides, pad, dimRoundingMode, dataFormat);
}

Tensor avgPool3d(const Tensor& x, Int3 filterSize, Int3 strides, const Padding& pad,
                 const std::string& dimRoundingMode, const std::string& dataFormat) {
  assertDType(x, {DType::float32}, "avgPool3d", "x");
  return pool3d("AvgPool3D", "avgPool3d", x, filterSize, strides, pad, dimRoundingMode, dataFormat);
}

}  // namespace edgeflow
