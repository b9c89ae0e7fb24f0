// tf.separableConv2d: depthwiseConv2d, then a 1×1 conv2d (no kernel of its own).
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"

namespace edgeflow {

Tensor separableConv2d(const Tensor& x, const Tensor& depthwiseFilter, const Tensor& pointwiseFilter, Int2 strides,
                       const Padding& pad, Int2 dilation, const std::string& dataFormat) {
  const char* op = "separableConv2d";
  bool reshaped = x.rank() == 3;
  Tensor x4 = reshaped ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2]}) : x;
  if (dataFormat == "NCHW")
    throw Error("separableConv2d currently does not support dataFormat NCHW; only NHWC is supported");
  conv::checkRank(op, "input", x4.shape(), 4);
  conv::checkRank(op, "depthwise filter", depthwiseFilter.shape(), 4);
  conv::checkRank(op, "pointwise filter", pointwiseFilter.shape(), 4);
  const Shape& pw = pointwiseFilter.shape();
  std::string shapes = " (depthwiseFilter " + shapeToString(depthwiseFilter.shape()) + ", pointwiseFilter " +
                       shapeToString(pw) + ")";
  if (pw[0] != 1)
    throw Error("Error in separableConv2d: the first dimension of pointwise filter must be 1, but got " +
                std::to_string(pw[0]) + "." + shapes);
  if (pw[1] != 1)
    throw Error("Error in separableConv2d: the second dimension of pointwise filter must be 1, but got " +
                std::to_string(pw[1]) + "." + shapes);
  int64_t channels = depthwiseFilter.shape()[2] * depthwiseFilter.shape()[3];
  if (pw[2] != channels)
    throw Error("Error in separableConv2d: the third dimension of pointwise filter must be " +
                std::to_string(channels) + ", but got " + std::to_string(pw[2]) + "." + shapes);
  Tensor depthwise = depthwiseConv2d(x4, depthwiseFilter, strides, pad, dataFormat, dilation);
  Tensor res = conv2d(depthwise, pointwiseFilter, 1, "valid", dataFormat);
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

}  // namespace edgeflow
