// tf.fused.depthwiseConv2d (kernel FusedDepthwiseConv2D: inputs x, filter, bias?,
// preluActivationWeights?; attrs as DepthwiseConv2dNative plus activation/leakyreluAlpha). The
// bias and weights broadcast against the output. NCHW runs unfused (depthwiseConv2d's transposes,
// then add and the activation op).
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/fused_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

namespace {

Tensor applyActivation(const Tensor& x, conv::Activation act, const Tensor& alpha, double leaky) {
  switch (act) {
    case conv::Activation::linear: return x;
    case conv::Activation::relu: return relu(x);
    case conv::Activation::relu6: return relu6(x);
    case conv::Activation::elu: return elu(x);
    case conv::Activation::prelu: return prelu(x, alpha);
    case conv::Activation::leakyrelu: return leakyRelu(x, leaky);
    case conv::Activation::sigmoid: return sigmoid(x);
  }
  return x;
}

}  // namespace

namespace fused {

Tensor depthwiseConv2d(const DepthwiseConv2DArgs& a) {
  const char* op = "fused depthwiseConv2d";
  conv::Activation act = conv::parseActivation(a.activation);
  Tensor x4 = conv::checkDepthwise(op, a.x, a.filter, a.strides, a.pad, a.dataFormat, a.dilations, a.dimRoundingMode);
  bool channelsLast = conv::parseDataFormat(op, a.dataFormat);
  auto info = conv::conv2DInfo(op, x4.shape(), a.filter.shape(), a.strides, a.dilations, a.pad, a.dimRoundingMode,
                               true, channelsLast);
  Tensor bias = a.bias;
  if (bias.defined()) {
    bias = toFloat(bias);
    if (broadcastShapes(info.outShape, bias.shape(), op) != info.outShape)
      throw Error("Error in fused depthwiseConv2d: bias " + shapeToString(bias.shape()) +
                  " must broadcast to the output shape " + shapeToString(info.outShape));
  }
  conv::checkPreluWeights(op, act, a.preluActivationWeights);
  Tensor alpha;
  if (act == conv::Activation::prelu) {
    alpha = toFloat(a.preluActivationWeights);
    if (broadcastShapes(info.outShape, alpha.shape(), op) != info.outShape)
      throw Error("Error in fused depthwiseConv2d: PReLU activation weights " + shapeToString(alpha.shape()) +
                  " must broadcast to the output shape " + shapeToString(info.outShape));
  }
  Tensor res;
  if (!channelsLast) {
    res = depthwiseConv2d(x4, a.filter, a.strides, a.pad, a.dataFormat, a.dilations, a.dimRoundingMode);
    if (bias.defined()) res = add(res, bias);
    res = applyActivation(res, act, alpha, a.leakyreluAlpha);
  } else {
    std::vector<Tensor> inputs{x4, a.filter};
    Attrs attrs = conv::conv2DAttrs(a.strides, a.pad, a.dataFormat, a.dilations, a.dimRoundingMode);
    conv::addFusedInputs(inputs, attrs, bias, alpha, a.activation, a.leakyreluAlpha);
    res = runKernel1("FusedDepthwiseConv2D", inputs, attrs);
  }
  return a.x.rank() == 3 ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

}  // namespace fused

EF_REGISTER_GRADIENT("FusedDepthwiseConv2D", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  conv::Activation act = conv::parseActivation(conv::stringAttr(g.attrs, "activation", "linear"));
  auto extras = conv::fusedExtras(g.inputs, act);
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  double leaky = g.attrs.has("leakyreluAlpha") ? g.attrs.getDouble("leakyreluAlpha") : 0.2;
  auto preactivation = [&] {
    std::vector<Tensor> inputs{x, filter};
    Attrs attrs = conv::conv2DAttrs(strides, pad, "NHWC", dilations, rm);
    conv::addFusedInputs(inputs, attrs, extras.bias, Tensor(), "linear", leaky);
    return runKernel1("FusedDepthwiseConv2D", inputs, attrs);
  };
  auto ag = conv::activationGrad(g.dys[0], g.outputs[0], act, extras.alpha, leaky, preactivation);
  std::vector<Tensor> out{depthwiseConv2dNativeBackpropInput(x.shape(), ag.dz, filter, strides, pad, dilations, rm),
                          depthwiseConv2dNativeBackpropFilter(x, ag.dz, filter.shape(), strides, pad, dilations, rm)};
  if (extras.bias.defined()) out.push_back(conv::broadcastGrad(ag.dz, extras.bias, false));
  if (extras.alpha.defined()) out.push_back(conv::broadcastGrad(ag.dalpha, extras.alpha, false));
  return out;
});

}  // namespace edgeflow
