// conv3DBackpropFilter (kernel Conv3DBackpropFilterV2, attrs strides/pad/filterShape/dilations):
// the gradient of conv3d with respect to its filter.
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor conv3DBackpropFilter(const Tensor& x, const Tensor& dy, const Shape& filterShape, Int3 strides,
                            const Padding& pad, Int3 dilations) {
  const char* op = "conv3dDerFilter";
  Tensor x5 = x.rank() == 4 ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]}) : x;
  Tensor dy5 = dy.rank() == 4 ? reshape(dy, {1, dy.shape()[0], dy.shape()[1], dy.shape()[2], dy.shape()[3]}) : dy;
  conv::checkRank(op, "input", x5.shape(), 5);
  conv::checkRank(op, "dy", dy5.shape(), 5);
  conv::checkRank(op, "filterShape", filterShape, 5);
  std::string shapes = " (x " + shapeToString(x.shape()) + ", dy " + shapeToString(dy.shape()) + ", filterShape " +
                       shapeToString(filterShape) + ")";
  if (x5.shape()[4] != filterShape[3])
    throw Error("Error in conv3dDerFilter: depth of input " + std::to_string(x5.shape()[4]) +
                " must match input depth in filter (" + std::to_string(filterShape[3]) + ")" + shapes);
  if (dy5.shape()[4] != filterShape[4])
    throw Error("Error in conv3dDerFilter: depth of dy (" + std::to_string(dy5.shape()[4]) +
                ") must match output depth for filter (" + std::to_string(filterShape[4]) + ")" + shapes);
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  conv::checkPositive(op, strides, dilations);
  auto info = conv::conv3DInfo(op, x5.shape(), filterShape, strides, dilations, pad);
  if (info.outShape != dy5.shape())
    throw Error("Error in conv3dDerFilter: dy must have the shape of the convolution's output " +
                shapeToString(info.outShape) + shapes);
  Attrs attrs = conv::conv3DAttrs(strides, pad, dilations);
  attrs.set("filterShape", filterShape);
  return runKernel1("Conv3DBackpropFilterV2", {toFloat(x5), toFloat(dy5)}, attrs);
}

// Not in TF.js: the adjoints of the filter gradient (see Conv2DBackpropFilter's).
EF_REGISTER_GRADIENT("Conv3DBackpropFilterV2", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& dy = g.inputs[1];
  const Tensor& ddw = g.dys[0];
  Int3 strides = conv::int3Attr(g.attrs, "strides"), dilations = conv::int3Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  return std::vector<Tensor>{conv3DBackpropInput(x.shape(), dy, ddw, strides, pad, dilations),
                             conv3d(x, ddw, strides, pad, "NDHWC", dilations)};
});

}  // namespace edgeflow
