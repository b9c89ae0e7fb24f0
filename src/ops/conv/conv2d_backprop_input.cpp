// conv2DBackpropInput (kernel Conv2DBackpropInput, attrs as Conv2D plus inputShape): the gradient
// of conv2d with respect to its input, also tf.conv2dTranspose.
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor conv2DBackpropInput(const Shape& xShape, const Tensor& dy, const Tensor& filter, Int2 strides,
                           const Padding& pad, const std::string& dataFormat, const std::string& dimRoundingMode,
                           Int2 dilations) {
  const char* op = "conv2dDerInput";
  if (static_cast<int64_t>(xShape.size()) != dy.rank())
    throw Error("conv2dDerInput: Length of inShape (" + std::to_string(xShape.size()) + ") and rank of dy (" +
                std::to_string(dy.rank()) + ") must match (inShape " + shapeToString(xShape) + ", dy " +
                shapeToString(dy.shape()) + ")");
  bool reshaped = dy.rank() == 3;
  Shape xShape4 = reshaped ? Shape{1, xShape[0], xShape[1], xShape[2]} : xShape;
  Tensor dy4 = reshaped ? reshape(dy, {1, dy.shape()[0], dy.shape()[1], dy.shape()[2]}) : dy;
  conv::checkRank(op, "inShape", xShape4, 4);
  conv::checkRank(op, "dy", dy4.shape(), 4);
  conv::checkRank(op, "filter", filter.shape(), 4);
  bool channelsLast = conv::parseDataFormat(op, dataFormat);
  int64_t inDepth = channelsLast ? xShape4[3] : xShape4[1];
  int64_t outDepth = channelsLast ? dy4.shape()[3] : dy4.shape()[1];
  std::string shapes = " (inShape " + shapeToString(xShape) + ", dy " + shapeToString(dy.shape()) + ", filter " +
                       shapeToString(filter.shape()) + ")";
  if (inDepth != filter.shape()[2])
    throw Error("Error in conv2dDerInput: depth of input (" + std::to_string(inDepth) +
                ") must match input depth for filter " + std::to_string(filter.shape()[2]) + shapes);
  if (outDepth != filter.shape()[3])
    throw Error("Error in conv2dDerInput: depth of output (" + std::to_string(outDepth) +
                ") must match output depth for filter " + std::to_string(filter.shape()[3]) + shapes);
  conv::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  conv::checkPositive(op, strides, dilations);
  auto info = conv::conv2DInfo(op, xShape4, filter.shape(), strides, dilations, pad, dimRoundingMode, false, channelsLast);
  if (info.outShape != dy4.shape())
    throw Error("Error in conv2dDerInput: dy must have the shape of the convolution's output " +
                shapeToString(info.outShape) + shapes);
  Attrs attrs = conv::conv2DAttrs(strides, pad, dataFormat, dilations, dimRoundingMode);
  attrs.set("inputShape", xShape4);
  Tensor res = runKernel1("Conv2DBackpropInput", {toFloat(dy4), toFloat(filter)}, attrs);
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

Tensor conv2dTranspose(const Tensor& x, const Tensor& filter, const Shape& outputShape, Int2 strides,
                       const Padding& pad, const std::string& dimRoundingMode) {
  return conv2DBackpropInput(outputShape, x, filter, strides, pad, "NHWC", dimRoundingMode);
}

EF_REGISTER_GRADIENT("Conv2DBackpropInput", [](const GradContext& g) {
  const Tensor& dy = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  const Tensor& ddx = g.dys[0];
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string df = conv::stringAttr(g.attrs, "dataFormat", "NHWC");
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  return std::vector<Tensor>{conv2d(ddx, filter, strides, pad, df, dilations, rm),
                             conv2DBackpropFilter(ddx, dy, filter.shape(), strides, pad, df, rm, dilations)};
});

}  // namespace edgeflow
