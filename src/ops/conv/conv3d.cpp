// tf.conv3d (kernel Conv3D, attrs strides/pad/dataFormat/dilations). x is NDHWC (rank 4 means one
// volume), the filter [depth, height, width, inChannels, outChannels]. As in TF.js the output has
// x's dtype (int32 accepted).
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/conv_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor conv3d(const Tensor& x, const Tensor& filter, Int3 strides, const Padding& pad, const std::string& dataFormat,
              Int3 dilations) {
  const char* op = "conv3d";
  assertDType(x, {DType::float32, DType::int32}, op, "x");
  assertDType(filter, {DType::float32, DType::int32}, op, "filter");
  bool reshaped = x.rank() == 4;
  Tensor x5 = reshaped ? reshape(x, {1, x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]}) : x;
  conv::checkRank(op, "input", x5.shape(), 5);
  conv::checkRank(op, "filter", filter.shape(), 5);
  if (x5.shape()[4] != filter.shape()[3])
    throw Error("Error in conv3d: depth of input (" + std::to_string(x5.shape()[4]) +
                ") must match input depth for filter " + std::to_string(filter.shape()[3]) + " (x " +
                shapeToString(x.shape()) + ", filter " + shapeToString(filter.shape()) + ").");
  conv::checkStridesOrDilationsOne(op, strides, dilations);
  if (dataFormat != "NDHWC")
    throw Error("Error in conv3d: got dataFormat of " + dataFormat + " but only NDHWC is currently supported.");
  conv::checkPositive(op, strides, dilations);
  conv::conv3DInfo(op, x5.shape(), filter.shape(), strides, dilations, pad);
  Tensor res = runKernel1("Conv3D", {x5, filter}, conv::conv3DAttrs(strides, pad, dilations));
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3], res.shape()[4]}) : res;
}

// As TF.js's, plus dilations (TF.js's gradient rejects dilation rates > 1).
EF_REGISTER_GRADIENT("Conv3D", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  const Tensor& dy = g.dys[0];
  Int3 strides = conv::int3Attr(g.attrs, "strides"), dilations = conv::int3Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  return std::vector<Tensor>{conv3DBackpropInput(x.shape(), dy, toFloat(filter), strides, pad, dilations),
                             conv3DBackpropFilter(toFloat(x), dy, filter.shape(), strides, pad, dilations)};
});

}  // namespace edgeflow
