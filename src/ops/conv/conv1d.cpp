// tf.conv1d: conv2d over [batch, 1, width, channels] with stride [1, stride], dilation [1, dilation].
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"

namespace edgeflow {

Tensor conv1d(const Tensor& x, const Tensor& filter, int64_t stride, const Padding& pad, const std::string& dataFormat,
              int64_t dilation, const std::string& dimRoundingMode) {
  const char* op = "conv1d";
  bool reshaped = x.rank() == 2;
  Tensor x3 = reshaped ? reshape(x, {1, x.shape()[0], x.shape()[1]}) : x;
  conv::checkRank(op, "input", x3.shape(), 3);
  conv::checkRank(op, "filter", filter.shape(), 3);
  conv::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  if (x3.shape()[2] != filter.shape()[1])
    throw Error("Error in conv1d: depth of input (" + std::to_string(x3.shape()[2]) +
                ") must match input depth for filter " + std::to_string(filter.shape()[1]) + " (x " +
                shapeToString(x.shape()) + ", filter " + shapeToString(filter.shape()) + ").");
  conv::checkStridesOrDilationsOne(op, Int2(stride), Int2(dilation));
  conv::checkPositive(op, Int2(stride), Int2(dilation));
  if (dataFormat != "NWC")
    throw Error("Error in conv1d: got dataFormat of " + dataFormat + " but only NWC is currently supported.");
  Tensor filter4 = reshape(filter, {1, filter.shape()[0], filter.shape()[1], filter.shape()[2]});
  Tensor x4 = reshape(x3, {x3.shape()[0], 1, x3.shape()[1], x3.shape()[2]});
  Tensor res = conv2d(x4, filter4, Int2(1, stride), pad, "NHWC", Int2(1, dilation), dimRoundingMode);
  if (reshaped) return reshape(res, {res.shape()[2], res.shape()[3]});
  return reshape(res, {res.shape()[0], res.shape()[2], res.shape()[3]});
}

}  // namespace edgeflow
