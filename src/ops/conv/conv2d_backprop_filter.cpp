// conv2DBackpropFilter (kernel Conv2DBackpropFilter, attrs as Conv2D plus filterShape): the
// gradient of conv2d with respect to its filter.
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor conv2DBackpropFilter(const Tensor& x, const Tensor& dy, const Shape& filterShape, Int2 strides,
                            const Padding& pad, const std::string& dataFormat, const std::string& dimRoundingMode,
                            Int2 dilations) {
  const char* op = "conv2dDerFilter";
  Tensor x4 = x.rank() == 3 ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2]}) : x;
  Tensor dy4 = dy.rank() == 3 ? reshape(dy, {1, dy.shape()[0], dy.shape()[1], dy.shape()[2]}) : dy;
  conv::checkRank(op, "input", x4.shape(), 4);
  conv::checkRank(op, "dy", dy4.shape(), 4);
  conv::checkRank(op, "filterShape", filterShape, 4);
  bool channelsLast = conv::parseDataFormat(op, dataFormat);
  int64_t inDepth = channelsLast ? x4.shape()[3] : x4.shape()[1];
  int64_t outDepth = channelsLast ? dy4.shape()[3] : dy4.shape()[1];
  std::string shapes = " (x " + shapeToString(x.shape()) + ", dy " + shapeToString(dy.shape()) + ", filterShape " +
                       shapeToString(filterShape) + ")";
  if (inDepth != filterShape[2])
    throw Error("Error in conv2dDerFilter: depth of input " + std::to_string(inDepth) +
                " must match input depth in filter (" + std::to_string(filterShape[2]) + ")" + shapes);
  if (outDepth != filterShape[3])
    throw Error("Error in conv2dDerFilter: depth of dy (" + std::to_string(outDepth) +
                ") must match output depth for filter (" + std::to_string(filterShape[3]) + ")" + shapes);
  conv::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  conv::checkPositive(op, strides, dilations);
  auto info = conv::conv2DInfo(op, x4.shape(), filterShape, strides, dilations, pad, dimRoundingMode, false, channelsLast);
  if (info.outShape != dy4.shape())
    throw Error("Error in conv2dDerFilter: dy must have the shape of the convolution's output " +
                shapeToString(info.outShape) + shapes);
  Attrs attrs = conv::conv2DAttrs(strides, pad, dataFormat, dilations, dimRoundingMode);
  attrs.set("filterShape", filterShape);
  return runKernel1("Conv2DBackpropFilter", {toFloat(x4), toFloat(dy4)}, attrs);
}

// Not in TF.js (which has no second-order conv gradients): the filter gradient is linear in x
// and in dy, so its adjoints are the input gradient and the convolution itself.
EF_REGISTER_GRADIENT("Conv2DBackpropFilter", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& dy = g.inputs[1];
  const Tensor& ddw = g.dys[0];
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string df = conv::stringAttr(g.attrs, "dataFormat", "NHWC");
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  return std::vector<Tensor>{conv2DBackpropInput(x.shape(), dy, ddw, strides, pad, df, rm, dilations),
                             conv2d(x, ddw, strides, pad, df, dilations, rm)};
});

}  // namespace edgeflow
