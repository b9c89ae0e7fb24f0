// conv3DBackpropInput (kernel Conv3DBackpropInputV2, attrs pad/strides/inputShape/dilations): the
// gradient of conv3d with respect to its input, also tf.conv3dTranspose.
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor conv3DBackpropInput(const Shape& xShape, const Tensor& dy, const Tensor& filter, Int3 strides,
                           const Padding& pad, Int3 dilations) {
  const char* op = "conv3dDerInput";
  if (static_cast<int64_t>(xShape.size()) != dy.rank())
    throw Error("conv3dDerInput: Length of inShape (" + std::to_string(xShape.size()) + ") and rank of dy (" +
                std::to_string(dy.rank()) + ") must match (inShape " + shapeToString(xShape) + ", dy " +
                shapeToString(dy.shape()) + ")");
  bool reshaped = dy.rank() == 4;
  Shape xShape5 = reshaped ? Shape{1, xShape[0], xShape[1], xShape[2], xShape[3]} : xShape;
  Tensor dy5 = reshaped ? reshape(dy, {1, dy.shape()[0], dy.shape()[1], dy.shape()[2], dy.shape()[3]}) : dy;
  conv::checkRank(op, "inShape", xShape5, 5);
  conv::checkRank(op, "dy", dy5.shape(), 5);
  conv::checkRank(op, "filter", filter.shape(), 5);
  std::string shapes = " (inShape " + shapeToString(xShape) + ", dy " + shapeToString(dy.shape()) + ", filter " +
                       shapeToString(filter.shape()) + ")";
  if (xShape5[4] != filter.shape()[3])
    throw Error("Error in conv3dDerInput: depth of input (" + std::to_string(xShape5[4]) +
                ") must match input depth for filter " + std::to_string(filter.shape()[3]) + shapes);
  if (dy5.shape()[4] != filter.shape()[4])
    throw Error("Error in conv3dDerInput: depth of output (" + std::to_string(dy5.shape()[4]) +
                ") must match output depth for filter " + std::to_string(filter.shape()[4]) + shapes);
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  conv::checkPositive(op, strides, dilations);
  auto info = conv::conv3DInfo(op, xShape5, filter.shape(), strides, dilations, pad);
  if (info.outShape != dy5.shape())
    throw Error("Error in conv3dDerInput: dy must have the shape of the convolution's output " +
                shapeToString(info.outShape) + shapes);
  Attrs attrs = conv::conv3DAttrs(strides, pad, dilations);
  attrs.set("inputShape", xShape5);
  Tensor res = runKernel1("Conv3DBackpropInputV2", {toFloat(dy5), toFloat(filter)}, attrs);
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3], res.shape()[4]}) : res;
}

Tensor conv3dTranspose(const Tensor& x, const Tensor& filter, const Shape& outputShape, Int3 strides,
                       const Padding& pad) {
  return conv3DBackpropInput(outputShape, x, filter, strides, pad);
}

EF_REGISTER_GRADIENT("Conv3DBackpropInputV2", [](const GradContext& g) {
  const Tensor& dy = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  const Tensor& ddx = g.dys[0];
  Int3 strides = conv::int3Attr(g.attrs, "strides"), dilations = conv::int3Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  return std::vector<Tensor>{conv3d(ddx, filter, strides, pad, "NDHWC", dilations),
                             conv3DBackpropFilter(ddx, dy, filter.shape(), strides, pad, dilations)};
});

}  // namespace edgeflow
