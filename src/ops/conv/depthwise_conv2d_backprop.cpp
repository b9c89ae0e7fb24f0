// depthwiseConv2dNativeBackpropInput / ...Filter (kernels DepthwiseConv2dNativeBackpropInput and
// DepthwiseConv2dNativeBackpropFilter, attrs as DepthwiseConv2dNative plus inputShape /
// filterShape): the gradients of depthwiseConv2d (NHWC).
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

namespace {

void checkBackprop(const char* op, const Shape& xShape, const Shape& dyShape, const Shape& filterShape, Int2 strides,
                   const Padding& pad, Int2 dilations, const std::string& dimRoundingMode) {
  std::string shapes = " (x " + shapeToString(xShape) + ", dy " + shapeToString(dyShape) + ", filter " +
                       shapeToString(filterShape) + ")";
  conv::checkRank(op, "input", xShape, 4);
  conv::checkRank(op, "dy", dyShape, 4);
  conv::checkRank(op, "filter", filterShape, 4);
  if (xShape[3] != filterShape[2])
    throw Error(std::string("Error in ") + op + ": number of input channels (" + std::to_string(xShape[3]) +
                ") must match the inChannels dimension in filter " + std::to_string(filterShape[2]) + shapes);
  conv::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  conv::checkPositive(op, strides, dilations);
  auto info = conv::conv2DInfo(op, xShape, filterShape, strides, dilations, pad, dimRoundingMode, true, true);
  if (info.outShape != dyShape)
    throw Error(std::string("Error in ") + op + ": dy must have the shape of the convolution's output " +
                shapeToString(info.outShape) + shapes);
}

Tensor to4D(const Tensor& t) { return t.rank() == 3 ? reshape(t, {1, t.shape()[0], t.shape()[1], t.shape()[2]}) : t; }

}  // namespace

Tensor depthwiseConv2dNativeBackpropInput(const Shape& xShape, const Tensor& dy, const Tensor& filter, Int2 strides,
                                          const Padding& pad, Int2 dilations, const std::string& dimRoundingMode) {
  const char* op = "depthwiseConv2dNativeBackpropInput";
  bool reshaped = dy.rank() == 3;
  Tensor dy4 = to4D(dy);
  Shape xShape4 = reshaped && xShape.size() == 3 ? Shape{1, xShape[0], xShape[1], xShape[2]} : xShape;
  checkBackprop(op, xShape4, dy4.shape(), filter.shape(), strides, pad, dilations, dimRoundingMode);
  Attrs attrs = conv::conv2DAttrs(strides, pad, "NHWC", dilations, dimRoundingMode);
  attrs.set("inputShape", xShape4);
  Tensor res = runKernel1("DepthwiseConv2dNativeBackpropInput", {toFloat(dy4), toFloat(filter)}, attrs);
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

Tensor depthwiseConv2dNativeBackpropFilter(const Tensor& x, const Tensor& dy, const Shape& filterShape, Int2 strides,
                                           const Padding& pad, Int2 dilations, const std::string& dimRoundingMode) {
  const char* op = "depthwiseConv2dNativeBackpropFilter";
  Tensor x4 = to4D(x), dy4 = to4D(dy);
  checkBackprop(op, x4.shape(), dy4.shape(), filterShape, strides, pad, dilations, dimRoundingMode);
  Attrs attrs = conv::conv2DAttrs(strides, pad, "NHWC", dilations, dimRoundingMode);
  attrs.set("filterShape", filterShape);
  return runKernel1("DepthwiseConv2dNativeBackpropFilter", {toFloat(x4), toFloat(dy4)}, attrs);
}

// Neither has a gradient in TF.js; both are linear in each input, so the adjoints are the other
// depthwise ops.
EF_REGISTER_GRADIENT("DepthwiseConv2dNativeBackpropInput", [](const GradContext& g) {
  const Tensor& dy = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  const Tensor& ddx = g.dys[0];
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  return std::vector<Tensor>{depthwiseConv2d(ddx, filter, strides, pad, "NHWC", dilations, rm),
                             depthwiseConv2dNativeBackpropFilter(ddx, dy, filter.shape(), strides, pad, dilations, rm)};
});

EF_REGISTER_GRADIENT("DepthwiseConv2dNativeBackpropFilter", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& dy = g.inputs[1];
  const Tensor& ddw = g.dys[0];
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  return std::vector<Tensor>{depthwiseConv2dNativeBackpropInput(x.shape(), dy, ddw, strides, pad, dilations, rm),
                             depthwiseConv2d(x, ddw, strides, pad, "NHWC", dilations, rm)};
});

}  // namespace edgeflow
