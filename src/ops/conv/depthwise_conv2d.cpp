// tf.depthwiseConv2d (kernel DepthwiseConv2dNative, attrs strides/pad/dataFormat/dilations/
// dimRoundingMode). The filter is [height, width, inChannels, channelMultiplier]; output channel
// c * multiplier + q is input channel c filtered by filter[:, :, c, q]. TF.js's cpu kernel
// ignores dataFormat; edgeflow runs NCHW through transposes.
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

namespace conv {
Tensor checkDepthwise(const char* op, const Tensor& x, const Tensor& filter, Int2 strides, const Padding& pad,
                      const std::string& dataFormat, Int2 dilations, const std::string& dimRoundingMode) {
  assertDType(x, {DType::float32}, op, "x");
  assertDType(filter, {DType::float32}, op, "filter");
  Tensor x4 = x.rank() == 3 ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2]}) : x;
  checkRank(op, "input", x4.shape(), 4);
  checkRank(op, "filter", filter.shape(), 4);
  bool channelsLast = parseDataFormat(op, dataFormat);
  int64_t inChannels = channelsLast ? x4.shape()[3] : x4.shape()[1];
  if (inChannels != filter.shape()[2])
    throw Error(std::string("Error in ") + op + ": number of input channels (" + std::to_string(inChannels) +
                ") must match the inChannels dimension in filter " + std::to_string(filter.shape()[2]) + " (x " +
                shapeToString(x.shape()) + ", filter " + shapeToString(filter.shape()) + ").");
  checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  checkStridesOrDilationsOne(op, strides, dilations);
  checkPositive(op, strides, dilations);
  conv2DInfo(op, x4.shape(), filter.shape(), strides, dilations, pad, dimRoundingMode, true, channelsLast);
  return x4;
}
}  // namespace conv

Tensor depthwiseConv2d(const Tensor& x, const Tensor& filter, Int2 strides, const Padding& pad,
                       const std::string& dataFormat, Int2 dilations, const std::string& dimRoundingMode) {
  const char* op = "depthwiseConv2d";
  Tensor x4 = conv::checkDepthwise(op, x, filter, strides, pad, dataFormat, dilations, dimRoundingMode);
  bool channelsLast = dataFormat != "NCHW";
  Padding nhwcPad = pad;
  if (!channelsLast) {
    x4 = transpose(x4, {0, 2, 3, 1});
    if (pad.kind() == Padding::Kind::explicit_ && pad.pads().size() == 4) {
      auto p = pad.pads();
      nhwcPad = Padding({p[0], p[2], p[3], p[1]});
    }
  }
  Tensor res = runKernel1("DepthwiseConv2dNative", {x4, filter},
                          conv::conv2DAttrs(strides, nhwcPad, "NHWC", dilations, dimRoundingMode));
  if (!channelsLast) res = transpose(res, {0, 3, 1, 2});
  return x.rank() == 3 ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

// As TF.js's, plus dilations (TF.js's gradient rejects dilation rates > 1).
EF_REGISTER_GRADIENT("DepthwiseConv2dNative", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  const Tensor& dy = g.dys[0];
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  return std::vector<Tensor>{
      depthwiseConv2dNativeBackpropInput(x.shape(), dy, filter, strides, pad, dilations, rm),
      depthwiseConv2dNativeBackpropFilter(x, dy, filter.shape(), strides, pad, dilations, rm)};
});

}  // namespace edgeflow
