// tf.layers.depthwiseConv2d and separableConv2d (tfjs-layers' DepthwiseConv2D, SeparableConv2D).
#include "edgeflow/engine.h"
#include "edgeflow/layers/activations.h"
#include "edgeflow/layers/conv.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/conv.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/inference_fold.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

initializers::InitializerPtr initializerOr(const InitializerIdentifier& id, const char* def) {
  return initializers::getInitializer(id.empty() ? InitializerIdentifier(def) : id);
}

// The fields of TF.js's BaseConv shared by both layers.
struct BaseConvFields {
  std::vector<int64_t> kernelSize, strides, dilationRate;
  std::string padding, dataFormat;
  activations::ActivationPtr activation;
  bool useBias = true;
  initializers::InitializerPtr biasInitializer;
  regularizers::RegularizerPtr biasRegularizer;
  constraints::ConstraintPtr biasConstraint;

  template <class A>
  void init(const A& a, const std::string& cls) {
    if (a.kernelSize.empty()) throw Error(cls + ": required key 'kernelSize' not in config");
    kernelSize = normalizeSize(a.kernelSize, 2, "kernelSize", cls, 1);
    strides = normalizeSize(a.strides, 2, "strides", cls, 1);
    dilationRate = normalizeSize(a.dilationRate, 2, "dilationRate", cls, 1);
    padding = checkedPadding(a.padding);
    dataFormat = checkedDataFormat(a.dataFormat);
    activation = activations::getActivation(a.activation);
    useBias = a.useBias.value_or(true);
    biasInitializer = initializerOr(a.biasInitializer, "zeros");
    biasRegularizer = regularizers::getRegularizer(a.biasRegularizer);
    biasConstraint = constraints::getConstraint(a.biasConstraint);
  }
  // kernelSize ... biasConstraint, in BaseConv.getConfig's order.
  void addTo(Json& c, const regularizers::RegularizerPtr& activityRegularizer) const {
    c["kernelSize"] = kernelSize;
    c["strides"] = strides;
    c["padding"] = padding;
    c["dataFormat"] = dataFormat;
    c["dilationRate"] = dilationRate;
    c["activation"] = activations::serializeActivation(activation);
    c["useBias"] = useBias;
    c["biasInitializer"] = toJson(initializers::serializeInitializer(biasInitializer));
    c["biasRegularizer"] = toJson(regularizers::serializeRegularizer(biasRegularizer));
    c["activityRegularizer"] = toJson(regularizers::serializeRegularizer(activityRegularizer));
    c["biasConstraint"] = toJson(constraints::serializeConstraint(biasConstraint));
  }
  int64_t channels(const Shape& s, const std::string& cls) const {
    if (s.size() != 4)
      throw Error("Inputs to " + cls + " should have rank 4. Received input shape: " + shapeToJsonString(s) + ".");
    const int64_t c = s[dataFormat == "channelsFirst" ? 1 : 3];
    if (c < 0) throw Error("The channel dimension of the inputs to " + cls + " should be defined, but is not (null).");
    return c;
  }
};

class DepthwiseConv2DImpl : public LayerImpl, public BatchNormFoldableConv {
 public:
  explicit DepthwiseConv2DImpl(const layers::DepthwiseConv2DLayerArgs& a) : LayerImpl(layerArgsOf(a)) {
    f_.init(a, "DepthwiseConv2D");
    if (a.depthMultiplier < 1)
      throw Error("DepthwiseConv2D: depthMultiplier must be a positive integer, got " +
                  std::to_string(a.depthMultiplier));
    depthMultiplier_ = a.depthMultiplier;
    depthwiseInitializer_ = initializerOr(a.depthwiseInitializer, "glorotNormal");
    depthwiseConstraint_ = constraints::getConstraint(a.depthwiseConstraint);
    depthwiseRegularizer_ = regularizers::getRegularizer(a.depthwiseRegularizer);
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
    InputSpec spec;
    spec.ndim = 4;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "DepthwiseConv2D"; }

  // Inference folding (layers/inference_fold.h): with a linear activation.
  std::optional<int> foldableChannelAxis(int rank) const override {
    if (rank != 4 || activations::serializeActivation(f_.activation) != "linear") return std::nullopt;
    return f_.dataFormat == "channelsFirst" ? 1 : 3;
  }
  const LayerVariable& foldKernel() const override { return kernel_; }
  const LayerVariable& foldBias() const override { return bias_; }
  Tensor callFused(const Tensor& input, const Tensor& filter, const Tensor& bias, const std::string& act) override {
    return tidy([&] {
      return inChannelsLast(input, f_.dataFormat, [&](const Tensor& x) {
        return fused::depthwiseConv2d({.x = x,
                                       .filter = filter,
                                       .strides = Int2(f_.strides[0], f_.strides[1]),
                                       .pad = opPadding(f_.padding),
                                       .dataFormat = "NHWC",
                                       .bias = bias,
                                       .activation = act});
      });
    });
  }
  DisposeResult dispose() override {
    foldCache.reset();
    return LayerImpl::dispose();
  }

  void build(const std::vector<Shape>& inputShapes) override {
    const int64_t inputDim = f_.channels(inputShapes.at(0), getClassName());
    if (!kernel_.defined()) {
      kernel_ = addWeight("depthwise_kernel", {f_.kernelSize[0], f_.kernelSize[1], inputDim, depthMultiplier_},
                          std::nullopt, depthwiseInitializer_, depthwiseRegularizer_, true, depthwiseConstraint_);
      if (f_.useBias)
        bias_ = addWeight("bias", {inputDim * depthMultiplier_}, std::nullopt, f_.biasInitializer, f_.biasRegularizer,
                          true, f_.biasConstraint);
    }
    built_ = true;
  }

  // As TF.js, the dilation rate is kept in the config but not applied.
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    const Shape& s = inputShapes.at(0);
    const bool first = f_.dataFormat == "channelsFirst";
    const int64_t rows = convOutputLength(s.at(first ? 2 : 1), f_.kernelSize[0], f_.padding, f_.strides[0]);
    const int64_t cols = convOutputLength(s.at(first ? 3 : 2), f_.kernelSize[1], f_.padding, f_.strides[1]);
    const int64_t c = s.at(first ? 1 : 3);
    const int64_t filters = c < 0 ? -1 : c * depthMultiplier_;
    return {first ? Shape{s[0], filters, rows, cols} : Shape{s[0], rows, cols, filters}};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    return {tidy([&] {
      const Tensor& input = inputs[0];
      if (input.rank() != 4)
        throw Error("Input for depthwiseConv2d is required to be 4-D, but is instead " +
                    std::to_string(input.rank()) + "-D");
      Tensor y = inChannelsLast(input, f_.dataFormat, [&](const Tensor& x) {
        return depthwiseConv2d(x, kernel_.read(), Int2(f_.strides[0], f_.strides[1]), opPadding(f_.padding), "NHWC");
      });
      if (bias_.defined()) y = biasAdd(y, bias_.read(), f_.dataFormat);
      return f_.activation->apply(y);
    })};
  }

  ConfigDict getConfig() const override {
    Json c;
    f_.addTo(c, activityRegularizer_);
    Json out = toJson(withBaseConfig(std::move(c), LayerImpl::getConfig()));
    out["depthMultiplier"] = depthMultiplier_;
    out["depthwiseInitializer"] = toJson(initializers::serializeInitializer(depthwiseInitializer_));
    out["depthwiseRegularizer"] = toJson(regularizers::serializeRegularizer(depthwiseRegularizer_));
    // TF.js writes the regularizer here (a slip in its getConfig); kept for identical files.
    out["depthwiseConstraint"] = toJson(regularizers::serializeRegularizer(depthwiseRegularizer_));
    return fromJson(std::move(out));
  }

 private:
  BaseConvFields f_;
  int64_t depthMultiplier_ = 1;
  initializers::InitializerPtr depthwiseInitializer_;
  constraints::ConstraintPtr depthwiseConstraint_;
  regularizers::RegularizerPtr depthwiseRegularizer_;
  LayerVariable kernel_, bias_;
};

class SeparableConv2DImpl : public LayerImpl {
 public:
  explicit SeparableConv2DImpl(const layers::SeparableConvLayerArgs& a) : LayerImpl(layerArgsOf(a)) {
    f_.init(a, "SeparableConv2D");
    if (a.filters < 1)
      throw Error("SeparableConv2D: expected config.filters to be a 'number' > 0 but got " +
                  std::to_string(a.filters));
    if (f_.padding != "same" && f_.padding != "valid")
      throw Error("SeparableConv2D supports only padding modes: 'same' and 'valid', but received \"" + f_.padding +
                  "\"");
    if (a.depthMultiplier < 1)
      throw Error("SeparableConv2D: depthMultiplier must be a positive integer, got " +
                  std::to_string(a.depthMultiplier));
    filters_ = a.filters;
    depthMultiplier_ = a.depthMultiplier;
    depthwiseInitializer_ = initializerOr(a.depthwiseInitializer, "glorotUniform");
    // TF.js initialises the pointwise kernel from depthwiseInitializer too.
    pointwiseInitializer_ = initializerOr(a.depthwiseInitializer, "glorotUniform");
    depthwiseRegularizer_ = regularizers::getRegularizer(a.depthwiseRegularizer);
    pointwiseRegularizer_ = regularizers::getRegularizer(a.pointwiseRegularizer);
    depthwiseConstraint_ = constraints::getConstraint(a.depthwiseConstraint);
    pointwiseConstraint_ = constraints::getConstraint(a.pointwiseConstraint);
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
    InputSpec spec;
    spec.ndim = 4;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "SeparableConv2D"; }

  void build(const std::vector<Shape>& inputShapes) override {
    const int64_t inputDim = f_.channels(inputShapes.at(0), getClassName());
    if (!depthwise_.defined()) {
      depthwise_ = addWeight("depthwise_kernel", {f_.kernelSize[0], f_.kernelSize[1], inputDim, depthMultiplier_},
                             DType::float32, depthwiseInitializer_, depthwiseRegularizer_, true, depthwiseConstraint_);
      pointwise_ = addWeight("pointwise_kernel", {1, 1, inputDim * depthMultiplier_, filters_}, DType::float32,
                             pointwiseInitializer_, pointwiseRegularizer_, true, pointwiseConstraint_);
      if (f_.useBias)
        bias_ = addWeight("bias", {filters_}, DType::float32, f_.biasInitializer, f_.biasRegularizer, true,
                          f_.biasConstraint);
    }
    InputSpec spec;
    spec.ndim = 4;
    spec.axes[f_.dataFormat == "channelsFirst" ? 1 : 3] = inputDim;
    inputSpec_ = {spec};
    built_ = true;
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    Shape out = inputShapes.at(0);
    const bool first = f_.dataFormat == "channelsFirst";
    for (int i = 0; i < 2; ++i) {
      int64_t& d = out.at(size_t(i + (first ? 2 : 1)));
      d = convOutputLength(d, f_.kernelSize[size_t(i)], f_.padding, f_.strides[size_t(i)], f_.dilationRate[size_t(i)]);
    }
    out.at(first ? 1 : 3) = filters_;
    return {out};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    return {tidy([&] {
      const bool first = f_.dataFormat == "channelsFirst";
      Tensor x = first ? toChannelsLast(inputs[0]) : inputs[0];
      Tensor y = separableConv2d(x, depthwise_.read(), pointwise_.read(), Int2(f_.strides[0], f_.strides[1]),
                                 f_.padding, Int2(f_.dilationRate[0], f_.dilationRate[1]), "NHWC");
      // As TF.js: the bias, the activation, then back to channelsFirst.
      if (bias_.defined()) y = biasAdd(y, bias_.read(), f_.dataFormat);
      y = f_.activation->apply(y);
      return first ? toChannelsFirst(y) : y;
    })};
  }

  ConfigDict getConfig() const override {
    Json c{{"filters", filters_}};
    f_.addTo(c, activityRegularizer_);
    Json out = toJson(withBaseConfig(std::move(c), LayerImpl::getConfig()));
    out["depthwiseInitializer"] = toJson(initializers::serializeInitializer(depthwiseInitializer_));
    out["pointwiseInitializer"] = toJson(initializers::serializeInitializer(pointwiseInitializer_));
    out["depthwiseRegularizer"] = toJson(regularizers::serializeRegularizer(depthwiseRegularizer_));
    out["pointwiseRegularizer"] = toJson(regularizers::serializeRegularizer(pointwiseRegularizer_));
    out["depthwiseConstraint"] = toJson(constraints::serializeConstraint(depthwiseConstraint_));
    out["pointwiseConstraint"] = toJson(constraints::serializeConstraint(pointwiseConstraint_));
    return fromJson(std::move(out));
  }

 private:
  BaseConvFields f_;
  int64_t filters_ = 0, depthMultiplier_ = 1;
  initializers::InitializerPtr depthwiseInitializer_, pointwiseInitializer_;
  regularizers::RegularizerPtr depthwiseRegularizer_, pointwiseRegularizer_;
  constraints::ConstraintPtr depthwiseConstraint_, pointwiseConstraint_;
  LayerVariable depthwise_, pointwise_, bias_;
};

template <class A>
void readBaseConv(A& a, const Json& c) {
  a = withBaseFromConfig(a, c);
  a.kernelSize = sizeFromJson(c, "kernelSize");
  a.strides = sizeFromJson(c, "strides");
  a.padding = str(c, "padding");
  a.dataFormat = str(c, "dataFormat");
  a.dilationRate = sizeFromJson(c, "dilationRate");
  a.activation = str(c, "activation");
  if (c.contains("useBias") && !c["useBias"].is_null()) a.useBias = c["useBias"].get<bool>();
  if (c.contains("depthMultiplier") && !c["depthMultiplier"].is_null())
    a.depthMultiplier = c["depthMultiplier"].get<int64_t>();
  if (c.contains("biasInitializer") && !c["biasInitializer"].is_null())
    a.biasInitializer = initializers::deserializeInitializer(sub(c, "biasInitializer"));
  if (c.contains("depthwiseInitializer") && !c["depthwiseInitializer"].is_null())
    a.depthwiseInitializer = initializers::deserializeInitializer(sub(c, "depthwiseInitializer"));
  a.biasConstraint = constraints::deserializeConstraint(sub(c, "biasConstraint"));
  a.biasRegularizer = regularizers::deserializeRegularizer(sub(c, "biasRegularizer"));
  a.depthwiseRegularizer = regularizers::deserializeRegularizer(sub(c, "depthwiseRegularizer"));
  a.activityRegularizer = regularizers::deserializeRegularizer(sub(c, "activityRegularizer"));
}

bool given(const Json& c, const char* key) { return c.contains(key) && !c[key].is_null(); }

}  // namespace

namespace layers {
Layer depthwiseConv2d(DepthwiseConv2DLayerArgs args) { return Layer(std::make_shared<DepthwiseConv2DImpl>(args)); }
Layer separableConv2d(SeparableConvLayerArgs args) { return Layer(std::make_shared<SeparableConv2DImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("DepthwiseConv2D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::DepthwiseConv2DLayerArgs a;
  readBaseConv(a, c);
  // TF.js writes the depthwise regularizer under depthwiseConstraint: only a real constraint is read.
  if (given(c, "depthwiseConstraint") && c["depthwiseConstraint"] != c.value("depthwiseRegularizer", Json()))
    a.depthwiseConstraint = constraints::deserializeConstraint(sub(c, "depthwiseConstraint"));
  return layers::depthwiseConv2d(a);
});
EF_REGISTER_LAYER("SeparableConv2D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  if (given(c, "kernelInitializer") || given(c, "kernelRegularizer") || given(c, "kernelConstraint"))
    throw Error("Fields kernelInitializer, kernelRegularizer and kernelConstraint are invalid for SeparableConv2D. "
                "Use depthwiseInitializer, depthwiseRegularizer, depthwiseConstraint, pointwiseInitializer, "
                "pointwiseRegularizer and pointwiseConstraint instead.");
  layers::SeparableConvLayerArgs a;
  readBaseConv(a, c);
  a.filters = optInt(c, "filters").value_or(0);
  if (given(c, "pointwiseInitializer"))
    a.pointwiseInitializer = initializers::deserializeInitializer(sub(c, "pointwiseInitializer"));
  a.pointwiseRegularizer = regularizers::deserializeRegularizer(sub(c, "pointwiseRegularizer"));
  a.depthwiseConstraint = constraints::deserializeConstraint(sub(c, "depthwiseConstraint"));
  a.pointwiseConstraint = constraints::deserializeConstraint(sub(c, "pointwiseConstraint"));
  return layers::separableConv2d(a);
});

}  // namespace edgeflow
