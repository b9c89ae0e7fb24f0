// tf.layers.convLstm2d (tfjs-layers' ConvLSTM2D): an LSTM whose transforms are 2-D convolutions.
#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/layers/activations.h"
#include "edgeflow/layers/conv.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/conv.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

// unitForgetBias: [bias(filters), ones(filters), bias(2 filters)].
class ForgetBiasInit : public initializers::Initializer {
 public:
  ForgetBiasInit(initializers::InitializerPtr inner, int64_t n) : inner_(std::move(inner)), n_(n) {}
  Tensor apply(const Shape&, DType dtype) override {
    return tidy([&] { return concat({inner_->apply({n_}, dtype), ones({n_}, dtype), inner_->apply({2 * n_}, dtype)}, 0); });
  }
  std::string getClassName() const override { return "CustomInit"; }

 private:
  initializers::InitializerPtr inner_;
  int64_t n_;
};

// Inverted dropout masks of ones: four, one per gate, as TF.js's generateDropoutMask.
std::vector<Tensor> dropoutMasks(const Shape& shape, double rate) {
  std::vector<Tensor> masks;
  const double keep = 1 - rate;
  for (int i = 0; i < 4; ++i) masks.push_back(div(floor(add(randomUniform(shape, 0, 1), keep)), keep));
  return masks;
}

class ConvLSTM2DImpl : public LayerImpl {
 public:
  explicit ConvLSTM2DImpl(const layers::ConvLSTM2DLayerArgs& a) : LayerImpl(layerArgsOf(a)), a_(a) {
    const std::string cls = "ConvLSTM2D";
    if (a.unroll) throw Error("ConvLSTM2D: unrolling is not possible with convolutional RNNs.");
    if (a.stateful) throw Error("ConvLSTM2D: stateful convolutional RNNs are not supported yet.");
    if (a.filters < 1) throw Error("ConvLSTM2D: filters must be a positive integer, got " + std::to_string(a.filters));
    if (a.kernelSize.empty()) throw Error("ConvLSTM2D: required key 'kernelSize' not in config");
    kernelSize_ = normalizeSize(a.kernelSize, 2, "kernelSize", cls, 1);
    strides_ = normalizeSize(a.strides, 2, "strides", cls, 1);
    dilationRate_ = normalizeSize(a.dilationRate, 2, "dilationRate", cls, 1);
    padding_ = checkedPadding(a.padding);
    if (padding_ == "causal") throw Error("ConvLSTM2D: causal padding is not supported.");
    dataFormat_ = checkedDataFormat(a.dataFormat);
    activation_ = activations::getActivation(a.activation.value_or("tanh"));
    recurrentActivation_ = activations::getActivation(a.recurrentActivation.value_or("hardSigmoid"));
    useBias_ = a.useBias.value_or(true);
    auto init = [](const InitializerIdentifier& id, const char* def) {
      return initializers::getInitializer(id.empty() ? InitializerIdentifier(def) : id);
    };
    kernelInitializer_ = init(a.kernelInitializer, "glorotNormal");
    recurrentInitializer_ = init(a.recurrentInitializer, "orthogonal");
    biasInitializer_ = init(a.biasInitializer, "zeros");
    kernelRegularizer_ = regularizers::getRegularizer(a.kernelRegularizer);
    recurrentRegularizer_ = regularizers::getRegularizer(a.recurrentRegularizer);
    biasRegularizer_ = regularizers::getRegularizer(a.biasRegularizer);
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
    kernelConstraint_ = constraints::getConstraint(a.kernelConstraint);
    recurrentConstraint_ = constraints::getConstraint(a.recurrentConstraint);
    biasConstraint_ = constraints::getConstraint(a.biasConstraint);
    dropout_ = std::clamp(a.dropout, 0.0, 1.0);
    recurrentDropout_ = std::clamp(a.recurrentDropout, 0.0, 1.0);
    InputSpec spec;
    spec.ndim = 5;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "ConvLSTM2D"; }

  void build(const std::vector<Shape>& inputShapes) override {
    const Shape& s = inputShapes.at(0);
    if (s.size() != 5) throw Error("ConvLSTM2D: expected an input of rank 5, got " + shapeToJsonString(s));
    const int64_t inputDim = s[dataFormat_ == "channelsFirst" ? 2 : 4];
    if (inputDim < 0) throw Error("The channel dimension of the input should be defined. Found null");
    const int64_t f = a_.filters;
    if (!kernel_.defined()) {
      kernel_ = addWeight("kernel", {kernelSize_[0], kernelSize_[1], inputDim, 4 * f}, std::nullopt, kernelInitializer_,
                          kernelRegularizer_, true, kernelConstraint_);
      recurrentKernel_ = addWeight("recurrent_kernel", {kernelSize_[0], kernelSize_[1], f, 4 * f}, std::nullopt,
                                   recurrentInitializer_, recurrentRegularizer_, true, recurrentConstraint_);
      if (useBias_) {
        initializers::InitializerPtr bi = biasInitializer_;
        if (a_.unitForgetBias.value_or(false)) bi = std::make_shared<ForgetBiasInit>(biasInitializer_, f);
        bias_ = addWeight("bias", {4 * f}, std::nullopt, bi, biasRegularizer_, true, biasConstraint_);
      }
    }
    built_ = true;
  }

  // [batch, time, ...one step's output]
  Shape singleOutputShape(const Shape& s) const {
    const bool first = dataFormat_ == "channelsFirst";
    const int64_t h = convOutputLength(s.at(first ? 3 : 2), kernelSize_[0], padding_, strides_[0], dilationRate_[0]);
    const int64_t w = convOutputLength(s.at(first ? 4 : 3), kernelSize_[1], padding_, strides_[1], dilationRate_[1]);
    return first ? Shape{s[0], s[1], a_.filters, h, w} : Shape{s[0], s[1], h, w, a_.filters};
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    Shape seq = singleOutputShape(inputShapes.at(0));
    Shape state{seq[0], seq[2], seq[3], seq[4]};
    Shape out = a_.returnSequences ? seq : state;
    if (!a_.returnState) return {out};
    return {out, state, state};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    if (inputs.size() != 1)
      throw Error("Layer " + name_ + " expects 1 input (initial states are not supported), got " +
                  std::to_string(inputs.size()));
    const Tensor& x = inputs[0];
    if (x.rank() != 5) throw Error("ConvLSTM2D (layer " + name_ + "): expected an input of rank 5, got " +
                                   shapeToJsonString(x.shape()));
    return tidy([&] {
      const std::string fmt = dataFormat_ == "channelsFirst" ? "NCHW" : "NHWC";
      Shape seq = singleOutputShape(x.shape());
      Tensor h = zeros({seq[0], seq[2], seq[3], seq[4]}), c = h;
      std::vector<Tensor> k = split(kernel_.read(), 4, 3), rk = split(recurrentKernel_.read(), 4, 3);
      std::vector<Tensor> b = useBias_ ? split(bias_.read(), 4, 0) : std::vector<Tensor>(4);
      std::vector<Tensor> steps = unstack(x, 1);
      if (a_.goBackwards) std::reverse(steps.begin(), steps.end());
      std::vector<Tensor> xMask, hMask;
      if (kwargs.training && dropout_ > 0 && dropout_ < 1) xMask = dropoutMasks(steps.at(0).shape(), dropout_);
      if (kwargs.training && recurrentDropout_ > 0 && recurrentDropout_ < 1)
        hMask = dropoutMasks(h.shape(), recurrentDropout_);
      std::vector<Tensor> outputs;
      for (const Tensor& xt : steps) {
        Tensor gate[4];
        for (int g = 0; g < 4; ++g) {
          Tensor xi = xMask.empty() ? xt : mul(xMask[size_t(g)], xt);
          Tensor hi = hMask.empty() ? h : mul(hMask[size_t(g)], h);
          Tensor in = conv2d(xi, k[size_t(g)], Int2(strides_[0], strides_[1]), padding_, fmt,
                             Int2(dilationRate_[0], dilationRate_[1]));
          if (useBias_) in = biasAdd(in, b[size_t(g)], dataFormat_);
          gate[g] = add(in, conv2d(hi, rk[size_t(g)], 1, "same", fmt));
        }
        Tensor i = recurrentActivation_->apply(gate[0]);
        Tensor f = recurrentActivation_->apply(gate[1]);
        c = add(mul(f, c), mul(i, activation_->apply(gate[2])));
        h = mul(recurrentActivation_->apply(gate[3]), activation_->apply(c));
        if (a_.returnSequences) outputs.push_back(h);
      }
      std::vector<Tensor> result{a_.returnSequences ? stack(outputs, 1) : h};
      if (a_.returnState) {
        result.push_back(h);
        result.push_back(c);
      }
      return result;
    });
  }

  ConfigDict getConfig() const override {
    Json c = toJson(LayerImpl::getConfig());
    c["activation"] = activations::serializeActivation(activation_);
    c["recurrentActivation"] = activations::serializeActivation(recurrentActivation_);
    c["useBias"] = useBias_;
    c["kernelInitializer"] = toJson(initializers::serializeInitializer(kernelInitializer_));
    c["recurrentInitializer"] = toJson(initializers::serializeInitializer(recurrentInitializer_));
    c["biasInitializer"] = toJson(initializers::serializeInitializer(biasInitializer_));
    if (a_.unitForgetBias) c["unitForgetBias"] = *a_.unitForgetBias;
    c["kernelRegularizer"] = toJson(regularizers::serializeRegularizer(kernelRegularizer_));
    c["recurrentRegularizer"] = toJson(regularizers::serializeRegularizer(recurrentRegularizer_));
    c["biasRegularizer"] = toJson(regularizers::serializeRegularizer(biasRegularizer_));
    c["activityRegularizer"] = toJson(regularizers::serializeRegularizer(activityRegularizer_));
    c["kernelConstraint"] = toJson(constraints::serializeConstraint(kernelConstraint_));
    c["recurrentConstraint"] = toJson(constraints::serializeConstraint(recurrentConstraint_));
    c["biasConstraint"] = toJson(constraints::serializeConstraint(biasConstraint_));
    c["dropout"] = jsonNumber(dropout_);
    c["recurrentDropout"] = jsonNumber(recurrentDropout_);
    if (a_.implementation) c["implementation"] = *a_.implementation;
    c["filters"] = a_.filters;
    c["kernelSize"] = kernelSize_;
    c["padding"] = padding_;
    c["dataFormat"] = dataFormat_;
    c["dilationRate"] = dilationRate_;
    c["strides"] = strides_;
    c["returnSequences"] = a_.returnSequences;
    c["returnState"] = a_.returnState;
    c["goBackwards"] = a_.goBackwards;
    c["stateful"] = a_.stateful;
    c["unroll"] = a_.unroll;
    return fromJson(std::move(c));
  }

 private:
  layers::ConvLSTM2DLayerArgs a_;
  std::vector<int64_t> kernelSize_, strides_, dilationRate_;
  std::string padding_, dataFormat_;
  activations::ActivationPtr activation_, recurrentActivation_;
  bool useBias_ = true;
  initializers::InitializerPtr kernelInitializer_, recurrentInitializer_, biasInitializer_;
  regularizers::RegularizerPtr kernelRegularizer_, recurrentRegularizer_, biasRegularizer_;
  constraints::ConstraintPtr kernelConstraint_, recurrentConstraint_, biasConstraint_;
  double dropout_ = 0, recurrentDropout_ = 0;
  LayerVariable kernel_, recurrentKernel_, bias_;
};

}  // namespace

namespace layers {
Layer convLstm2d(ConvLSTM2DLayerArgs args) { return Layer(std::make_shared<ConvLSTM2DImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("ConvLSTM2D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::ConvLSTM2DLayerArgs a = withBaseFromConfig(layers::ConvLSTM2DLayerArgs{}, c);
  a.filters = optInt(c, "filters").value_or(0);
  a.kernelSize = sizeFromJson(c, "kernelSize");
  a.strides = sizeFromJson(c, "strides");
  a.padding = str(c, "padding");
  a.dataFormat = str(c, "dataFormat");
  a.dilationRate = sizeFromJson(c, "dilationRate");
  if (c.contains("activation") && !c["activation"].is_null()) a.activation = c["activation"].get<std::string>();
  if (c.contains("recurrentActivation") && !c["recurrentActivation"].is_null())
    a.recurrentActivation = c["recurrentActivation"].get<std::string>();
  if (c.contains("useBias") && !c["useBias"].is_null()) a.useBias = c["useBias"].get<bool>();
  for (auto [key, field] : {std::pair{"kernelInitializer", &a.kernelInitializer},
                            std::pair{"recurrentInitializer", &a.recurrentInitializer},
                            std::pair{"biasInitializer", &a.biasInitializer}})
    if (c.contains(key) && !c[key].is_null()) *field = initializers::deserializeInitializer(sub(c, key));
  if (c.contains("unitForgetBias") && !c["unitForgetBias"].is_null()) a.unitForgetBias = c["unitForgetBias"].get<bool>();
  a.kernelRegularizer = regularizers::deserializeRegularizer(sub(c, "kernelRegularizer"));
  a.recurrentRegularizer = regularizers::deserializeRegularizer(sub(c, "recurrentRegularizer"));
  a.biasRegularizer = regularizers::deserializeRegularizer(sub(c, "biasRegularizer"));
  a.activityRegularizer = regularizers::deserializeRegularizer(sub(c, "activityRegularizer"));
  a.kernelConstraint = constraints::deserializeConstraint(sub(c, "kernelConstraint"));
  a.recurrentConstraint = constraints::deserializeConstraint(sub(c, "recurrentConstraint"));
  a.biasConstraint = constraints::deserializeConstraint(sub(c, "biasConstraint"));
  a.dropout = optDouble(c, "dropout").value_or(0);
  a.recurrentDropout = optDouble(c, "recurrentDropout").value_or(0);
  if (auto v = optInt(c, "implementation")) a.implementation = int(*v);
  a.returnSequences = c.value("returnSequences", false);
  a.returnState = c.value("returnState", false);
  a.goBackwards = c.value("goBackwards", false);
  a.stateful = c.value("stateful", false);
  a.unroll = c.value("unroll", false);
  return layers::convLstm2d(a);
});

}  // namespace edgeflow
