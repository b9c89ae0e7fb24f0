// tf.conv2d (kernel Conv2D, attrs strides/pad/dataFormat/dilations/dimRoundingMode). x is NHWC or
// NCHW (rank 3 means one image), the filter [filterHeight, filterWidth, inChannels, outChannels].
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor conv2d(const Tensor& x, const Tensor& filter, Int2 strides, const Padding& pad, const std::string& dataFormat,
              Int2 dilations, const std::string& dimRoundingMode) {
  const char* op = "conv2d";
  assertDType(x, {DType::float32}, op, "x");
  assertDType(filter, {DType::float32}, op, "filter");
  bool reshaped = x.rank() == 3;
  Tensor x4 = reshaped ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2]}) : x;
  conv::checkRank(op, "input", x4.shape(), 4);
  conv::checkRank(op, "filter", filter.shape(), 4);
  conv::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  bool channelsLast = conv::parseDataFormat(op, dataFormat);
  int64_t inDepth = channelsLast ? x4.shape()[3] : x4.shape()[1];
  if (inDepth != filter.shape()[2])
    throw Error("Error in conv2d: depth of input (" + std::to_string(inDepth) + ") must match input depth for filter " +
                std::to_string(filter.shape()[2]) + " (x " + shapeToString(x.shape()) + ", filter " +
                shapeToString(filter.shape()) + ", dataFormat " + dataFormat + ").");
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  conv::checkPositive(op, strides, dilations);
  conv::conv2DInfo(op, x4.shape(), filter.shape(), strides, dilations, pad, dimRoundingMode, false, channelsLast);
  Tensor res = runKernel1("Conv2D", {x4, filter}, conv::conv2DAttrs(strides, pad, dataFormat, dilations, dimRoundingMode));
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

// As TF.js's, plus dilations (TF.js's gradient rejects dilation rates > 1).
EF_REGISTER_GRADIENT("Conv2D", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  const Tensor& dy = g.dys[0];
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string df = conv::stringAttr(g.attrs, "dataFormat", "NHWC");
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  return std::vector<Tensor>{conv2DBackpropInput(x.shape(), dy, filter, strides, pad, df, rm, dilations),
                             conv2DBackpropFilter(x, dy, filter.shape(), strides, pad, df, rm, dilations)};
});

}  // namespace edgeflow
