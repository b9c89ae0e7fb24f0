// tf.fused.conv2d (kernel FusedConv2D: inputs x, filter, bias?, preluActivationWeights?; attrs as
// Conv2D plus activation/leakyreluAlpha). For NCHW a 1-D bias or PReLU weights of more than
// one element are aligned with the channels, as TF.js's cpu kernel does.
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/conv/fused_util.h"
#include "ops/op_utils.h"

namespace edgeflow::fused {

namespace {

void checkBias(const char* op, const Tensor& bias, const conv::ConvInfo& info) {
  std::string shapes = " (bias " + shapeToString(bias.shape()) + ", output " + shapeToString(info.outShape) + ")";
  if (info.channelsLast) {
    if (broadcastShapes(info.outShape, bias.shape(), op) != info.outShape)
      throw Error(std::string("Error in ") + op + ": bias must broadcast to the output shape" + shapes);
    return;
  }
  if (bias.rank() > 1)
    throw Error(std::string("Error in ") + op + ": only supports scalar or 1-D Tensor bias for NCHW format but got the bias of rank-" +
                std::to_string(bias.rank()) + "." + shapes);
  if (bias.rank() == 1 && bias.shape()[0] != info.outC && bias.shape()[0] != 1)
    throw Error(std::string("Error in ") + op + ": bias shape (" + shapeToString(bias.shape()) +
                ") is not compatible with the number of output channels (" + std::to_string(info.outC) + ")" + shapes);
}

void checkAlpha(const char* op, const Tensor& alpha, const conv::ConvInfo& info) {
  const Shape& s = alpha.shape();
  std::string shapes = " (weights " + shapeToString(s) + ", output " + shapeToString(info.outShape) + ")";
  if (s.size() > 1 && s.size() != 3)
    throw Error(std::string("Error in ") + op +
                ": only supports scalar, 1-D Tensor or 3-D Tensor PReLU activation weights but got a tensor of rank-" +
                std::to_string(s.size()) + "." + shapes);
  if (s.size() == 1 && s[0] != 1 && s[0] != info.outC)
    throw Error(std::string("Error in ") + op + ": PReLU activation weights (" + shapeToString(s) +
                ") is not compatible with the number of output channels (" + std::to_string(info.outC) + ")." + shapes);
  if (s.size() == 3) {
    bool ok = true;
    try {
      ok = broadcastShapes(s, info.outShape, op) == info.outShape;
    } catch (const Error&) {
      ok = false;
    }
    if (!ok)
      throw Error(std::string("Error in ") + op + ": PReLU activation weights (" + shapeToString(s) +
                  ") is not compatible with the output shape of the conv2d (" + shapeToString(info.outShape) + ").");
  }
}

}  // namespace

Tensor conv2d(const Conv2DArgs& a) {
  const char* op = "fused conv2d";
  conv::Activation act = conv::parseActivation(a.activation);
  assertDType(a.x, {DType::float32}, "conv2d", "x");
  assertDType(a.filter, {DType::float32}, "conv2d", "filter");
  bool reshaped = a.x.rank() == 3;
  Tensor x4 = reshaped ? reshape(a.x, {1, a.x.shape()[0], a.x.shape()[1], a.x.shape()[2]}) : a.x;
  conv::checkRank(op, "input", x4.shape(), 4);
  conv::checkRank(op, "filter", a.filter.shape(), 4);
  conv::checkPadOnDimRoundingMode(op, a.pad, a.dimRoundingMode);
  bool channelsLast = conv::parseDataFormat(op, a.dataFormat);
  int64_t inChannels = channelsLast ? x4.shape()[3] : x4.shape()[1];
  if (a.filter.shape()[2] != inChannels)
    throw Error("Error in fused conv2d: depth of input (" + std::to_string(inChannels) +
                ") must match input depth for filter " + std::to_string(a.filter.shape()[2]) + " (x " +
                shapeToString(a.x.shape()) + ", filter " + shapeToString(a.filter.shape()) + ").");
  conv::checkStridesOrDilationsOne(op, a.strides, a.dilations);
  conv::checkPositive(op, a.strides, a.dilations);
  auto info = conv::conv2DInfo(op, x4.shape(), a.filter.shape(), a.strides, a.dilations, a.pad, a.dimRoundingMode,
                               false, channelsLast);
  Tensor bias = a.bias;
  if (bias.defined()) {
    bias = toFloat(bias);
    checkBias(op, bias, info);
  }
  conv::checkPreluWeights(op, act, a.preluActivationWeights);
  Tensor alpha;
  if (act == conv::Activation::prelu) {
    checkAlpha(op, a.preluActivationWeights, info);
    alpha = toFloat(a.preluActivationWeights);
  }

  std::vector<Tensor> inputs{x4, a.filter};
  Attrs attrs = conv::conv2DAttrs(a.strides, a.pad, a.dataFormat, a.dilations, a.dimRoundingMode);
  conv::addFusedInputs(inputs, attrs, bias, alpha, a.activation, a.leakyreluAlpha);
  Tensor res = runKernel1("FusedConv2D", inputs, attrs);
  return reshaped ? reshape(res, {res.shape()[1], res.shape()[2], res.shape()[3]}) : res;
}

}  // namespace edgeflow::fused

namespace edgeflow {

// Every input gets its gradient whatever the activation (TF.js computes non-linear activations
// unfused while taping; the gradients agree).
EF_REGISTER_GRADIENT("FusedConv2D", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& filter = g.inputs[1];
  conv::Activation act = conv::parseActivation(conv::stringAttr(g.attrs, "activation", "linear"));
  auto extras = conv::fusedExtras(g.inputs, act);
  Int2 strides = conv::int2Attr(g.attrs, "strides"), dilations = conv::int2Attr(g.attrs, "dilations");
  Padding pad = conv::padFromAttrs(g.attrs);
  std::string df = conv::stringAttr(g.attrs, "dataFormat", "NHWC");
  std::string rm = conv::stringAttr(g.attrs, "dimRoundingMode", "");
  bool channelsFirst = df == "NCHW";
  double leaky = g.attrs.has("leakyreluAlpha") ? g.attrs.getDouble("leakyreluAlpha") : 0.2;
  auto preactivation = [&] {
    std::vector<Tensor> inputs{x, filter};
    Attrs attrs = conv::conv2DAttrs(strides, pad, df, dilations, rm);
    conv::addFusedInputs(inputs, attrs, extras.bias, Tensor(), "linear", leaky);
    return runKernel1("FusedConv2D", inputs, attrs);
  };
  Tensor alpha = extras.alpha.defined() ? conv::alignToChannels(extras.alpha, channelsFirst) : Tensor();
  auto ag = conv::activationGrad(g.dys[0], g.outputs[0], act, alpha, leaky, preactivation);
  std::vector<Tensor> out{conv2DBackpropInput(x.shape(), ag.dz, filter, strides, pad, df, rm, dilations),
                          conv2DBackpropFilter(x, ag.dz, filter.shape(), strides, pad, df, rm, dilations)};
  if (extras.bias.defined()) out.push_back(conv::broadcastGrad(ag.dz, extras.bias, channelsFirst));
  if (extras.alpha.defined()) out.push_back(conv::broadcastGrad(ag.dalpha, extras.alpha, channelsFirst));
  return out;
});

}  // namespace edgeflow
