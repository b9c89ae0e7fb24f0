// tf.layers.conv1d, conv2d, conv3d, conv2dTranspose and conv3dTranspose (tfjs-layers' Conv).
#include <set>

#include "edgeflow/engine.h"
#include "edgeflow/layers/activations.h"
#include "edgeflow/layers/conv.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/conv.h"
#include "edgeflow/ops/manipulation.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/inference_fold.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

const char* className(int rank, bool transposed) {
  static const char* names[2][3] = {{"Conv1D", "Conv2D", "Conv3D"}, {"Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose"}};
  return names[transposed ? 1 : 0][rank - 1];
}

class ConvImpl : public LayerImpl, public BatchNormFoldableConv {
 public:
  ConvImpl(int rank, bool transposed, const layers::ConvLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), rank_(rank), transposed_(transposed) {
    const std::string cls = className(rank, transposed);
    if (a.kernelSize.empty()) throw Error(cls + ": required key 'kernelSize' not in config");
    if (a.filters < 1)
      throw Error(cls + ": expected config.filters to be a 'number' > 0 but got " + std::to_string(a.filters));
    kernelSize_ = normalizeSize(a.kernelSize, rank, "kernelSize", cls, 1);
    strides_ = normalizeSize(a.strides, rank, "strides", cls, 1);
    dilationRate_ = normalizeSize(a.dilationRate, rank, "dilationRate", cls, 1);
    padding_ = checkedPadding(a.padding);
    dataFormat_ = checkedDataFormat(a.dataFormat);
    if (transposed && padding_ != "same" && padding_ != "valid")
      throw Error(cls + " currently supports only padding modes 'same' and 'valid', but received padding mode " +
                  padding_);
    filters_ = a.filters;
    activation_ = activations::getActivation(a.activation);
    useBias_ = a.useBias.value_or(true);
    kernelInitializer_ = initializers::getInitializer(
        a.kernelInitializer.empty() ? InitializerIdentifier("glorotNormal") : a.kernelInitializer);
    biasInitializer_ =
        initializers::getInitializer(a.biasInitializer.empty() ? InitializerIdentifier("zeros") : a.biasInitializer);
    kernelConstraint_ = constraints::getConstraint(a.kernelConstraint);
    biasConstraint_ = constraints::getConstraint(a.biasConstraint);
    kernelRegularizer_ = regularizers::getRegularizer(a.kernelRegularizer);
    biasRegularizer_ = regularizers::getRegularizer(a.biasRegularizer);
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
    InputSpec spec;
    spec.ndim = rank + 2;
    inputSpec_ = {spec};
  }

  std::string getClassName() const override { return className(rank_, transposed_); }

  // Inference folding (layers/inference_fold.h): 2-D, not transposed, linear activation.
  std::optional<int> foldableChannelAxis(int rank) const override {
    if (rank_ != 2 || transposed_ || rank != 4 || activations::serializeActivation(activation_) != "linear")
      return std::nullopt;
    return channelAxisFor(rank);
  }
  const LayerVariable& foldKernel() const override { return kernel_; }
  const LayerVariable& foldBias() const override { return bias_; }
  Tensor callFused(const Tensor& input, const Tensor& filter, const Tensor& bias, const std::string& act) override {
    return tidy([&] {
      return inChannelsLast(input, dataFormat_, [&](const Tensor& x) { return conv2dNhwc(x, filter, bias, act); });
    });
  }
  DisposeResult dispose() override {
    foldCache.reset();
    return LayerImpl::dispose();
  }

  void build(const std::vector<Shape>& inputShapes) override {
    const Shape& s = one(inputShapes);
    if (int(s.size()) != rank_ + 2)
      throw Error(getClassName() + " (layer " + name_ + "): input should have rank " + std::to_string(rank_ + 2) +
                  "; received input shape: " + shapeToJsonString(s));
    const int channelAxis = channelAxisFor(int(s.size()));
    const int64_t inputDim = s[size_t(channelAxis)];
    if (inputDim < 0) throw Error("The channel dimension of the input should be defined. Found null");
    if (!kernel_.defined()) {
      Shape kshape(kernelSize_.begin(), kernelSize_.end());
      if (transposed_) {
        kshape.push_back(filters_);
        kshape.push_back(inputDim);
      } else {
        kshape.push_back(inputDim);
        kshape.push_back(filters_);
      }
      kernel_ = addWeight("kernel", kshape, std::nullopt, kernelInitializer_, kernelRegularizer_, true,
                          kernelConstraint_);
      if (useBias_)
        bias_ = addWeight("bias", {filters_}, std::nullopt, biasInitializer_, biasRegularizer_, true, biasConstraint_);
    }
    InputSpec spec;
    spec.ndim = rank_ + 2;
    spec.axes[channelAxis] = inputDim;
    inputSpec_ = {spec};
    built_ = true;
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    Shape in = one(inputShapes);
    const bool first = dataFormat_ == "channelsFirst";
    Shape out = in;
    const size_t spaceStart = first ? 2 : 1;
    for (int i = 0; i < rank_; ++i) {
      int64_t& d = out.at(spaceStart + size_t(i));
      d = transposed_ ? deconvLength(d, strides_[size_t(i)], kernelSize_[size_t(i)], padding_)
                      : convOutputLength(d, kernelSize_[size_t(i)], padding_, strides_[size_t(i)],
                                         dilationRate_[size_t(i)]);
    }
    out.at(first ? 1 : out.size() - 1) = filters_;
    return {out};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    if (padding_ == "causal")
      throw Error(getClassName() + ": the support for CAUSAL padding mode is not implemented yet.");
    return {tidy([&] { return transposed_ ? callTransposed(inputs[0]) : callConv(inputs[0]); })};
  }

  ConfigDict getConfig() const override {
    Json c{{"filters", filters_},
           {"kernelInitializer", toJson(initializers::serializeInitializer(kernelInitializer_))},
           {"kernelRegularizer", toJson(regularizers::serializeRegularizer(kernelRegularizer_))},
           {"kernelConstraint", toJson(constraints::serializeConstraint(kernelConstraint_))},
           {"kernelSize", kernelSize_},
           {"strides", strides_},
           {"padding", padding_}};
    if (rank_ != 1) c["dataFormat"] = dataFormat_;  // TF.js's Conv1D drops it
    if (!transposed_) c["dilationRate"] = dilationRate_;
    c["activation"] = activations::serializeActivation(activation_);
    c["useBias"] = useBias_;
    c["biasInitializer"] = toJson(initializers::serializeInitializer(biasInitializer_));
    c["biasRegularizer"] = toJson(regularizers::serializeRegularizer(biasRegularizer_));
    c["activityRegularizer"] = toJson(regularizers::serializeRegularizer(activityRegularizer_));
    c["biasConstraint"] = toJson(constraints::serializeConstraint(biasConstraint_));
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  const Shape& one(const std::vector<Shape>& shapes) const {
    if (shapes.size() != 1)
      throw Error("Layer " + name_ + " expects 1 input shape, got " + std::to_string(shapes.size()));
    return shapes[0];
  }
  int channelAxisFor(int rank) const { return dataFormat_ == "channelsFirst" ? 1 : rank - 1; }

  Tensor callConv(const Tensor& input) {
    const std::string cls = getClassName();
    if (input.rank() != rank_ + 2)
      throw Error(cls + " (layer " + name_ + "): expects an input of rank " + std::to_string(rank_ + 2) +
                  ", but received rank " + std::to_string(input.rank()));
    const bool first = dataFormat_ == "channelsFirst";
    Tensor x = first ? toChannelsLast(input) : input;
    const Tensor& k = kernel_.read();
    const std::string pad = opPadding(padding_);
    static const std::set<std::string> fusable{"linear", "relu", "relu6", "elu", "sigmoid"};
    const std::string act = activations::serializeActivation(activation_);
    Tensor y;
    bool activated = false;
    if (rank_ == 1) {
      y = conv1d(x, k, strides_[0], pad, "NWC", dilationRate_[0]);
      if (bias_.defined()) y = add(y, bias_.read());
    } else if (rank_ == 2) {
      activated = fusable.count(act) > 0;  // TF.js fuses these activations into the convolution
      y = conv2dNhwc(x, k, bias_.defined() ? Tensor(bias_.read()) : Tensor(), activated ? act : "linear");
    } else {
      y = conv3d(x, k, Int3(strides_[0], strides_[1], strides_[2]), pad, "NDHWC",
                 Int3(dilationRate_[0], dilationRate_[1], dilationRate_[2]));
      if (bias_.defined()) y = add(y, bias_.read());
    }
    if (first) y = toChannelsFirst(y);
    return activated ? y : activation_->apply(y);
  }

  Tensor conv2dNhwc(const Tensor& x, const Tensor& filter, const Tensor& bias, const std::string& activation) const {
    return fused::conv2d({.x = x,
                          .filter = filter,
                          .strides = Int2(strides_[0], strides_[1]),
                          .pad = opPadding(padding_),
                          .dataFormat = "NHWC",
                          .dilations = Int2(dilationRate_[0], dilationRate_[1]),
                          .bias = bias,
                          .activation = activation});
  }

  Tensor callTransposed(const Tensor& input) {
    if (input.rank() != rank_ + 2)
      throw Error(getClassName() + ".call() expects input tensor to be rank-" + std::to_string(rank_ + 2) +
                  ", but received a tensor of rank-" + std::to_string(input.rank()));
    const bool first = dataFormat_ == "channelsFirst";
    const Shape& s = input.shape();
    Shape outShape{s[0]};
    for (int i = 0; i < rank_; ++i)
      outShape.push_back(deconvLength(s[size_t(i + (first ? 2 : 1))], strides_[size_t(i)], kernelSize_[size_t(i)],
                                      padding_));
    outShape.push_back(filters_);
    Tensor x = first ? toChannelsLast(input) : input;
    Tensor y = rank_ == 2 ? conv2dTranspose(x, kernel_.read(), outShape, Int2(strides_[0], strides_[1]), padding_)
                          : conv3dTranspose(x, kernel_.read(), outShape,
                                            Int3(strides_[0], strides_[1], strides_[2]), padding_);
    if (first) y = toChannelsFirst(y);
    if (bias_.defined()) y = biasAdd(y, bias_.read(), dataFormat_);
    return activation_->apply(y);
  }

  int rank_;
  bool transposed_;
  int64_t filters_ = 0;
  std::vector<int64_t> kernelSize_, strides_, dilationRate_;
  std::string padding_, dataFormat_;
  bool useBias_ = true;
  activations::ActivationPtr activation_;
  initializers::InitializerPtr kernelInitializer_, biasInitializer_;
  constraints::ConstraintPtr kernelConstraint_, biasConstraint_;
  regularizers::RegularizerPtr kernelRegularizer_, biasRegularizer_;
  LayerVariable kernel_, bias_;
};

layers::ConvLayerArgs convArgsFromConfig(const Json& c) {
  layers::ConvLayerArgs a = withBaseFromConfig(layers::ConvLayerArgs{}, c);
  a.filters = optInt(c, "filters").value_or(0);
  a.kernelSize = sizeFromJson(c, "kernelSize");
  a.strides = sizeFromJson(c, "strides");
  a.padding = str(c, "padding");
  a.dataFormat = str(c, "dataFormat");
  a.dilationRate = sizeFromJson(c, "dilationRate");
  a.activation = str(c, "activation");
  if (c.contains("useBias") && !c["useBias"].is_null()) a.useBias = c["useBias"].get<bool>();
  if (c.contains("kernelInitializer") && !c["kernelInitializer"].is_null())
    a.kernelInitializer = initializers::deserializeInitializer(sub(c, "kernelInitializer"));
  if (c.contains("biasInitializer") && !c["biasInitializer"].is_null())
    a.biasInitializer = initializers::deserializeInitializer(sub(c, "biasInitializer"));
  a.kernelConstraint = constraints::deserializeConstraint(sub(c, "kernelConstraint"));
  a.biasConstraint = constraints::deserializeConstraint(sub(c, "biasConstraint"));
  a.kernelRegularizer = regularizers::deserializeRegularizer(sub(c, "kernelRegularizer"));
  a.biasRegularizer = regularizers::deserializeRegularizer(sub(c, "biasRegularizer"));
  a.activityRegularizer = regularizers::deserializeRegularizer(sub(c, "activityRegularizer"));
  return a;
}

}  // namespace

namespace layers {
Layer conv1d(ConvLayerArgs args) { return Layer(std::make_shared<ConvImpl>(1, false, args)); }
Layer conv2d(ConvLayerArgs args) { return Layer(std::make_shared<ConvImpl>(2, false, args)); }
Layer conv3d(ConvLayerArgs args) { return Layer(std::make_shared<ConvImpl>(3, false, args)); }
Layer conv2dTranspose(ConvLayerArgs args) { return Layer(std::make_shared<ConvImpl>(2, true, args)); }
Layer conv3dTranspose(ConvLayerArgs args) { return Layer(std::make_shared<ConvImpl>(3, true, args)); }
}  // namespace layers

EF_REGISTER_LAYER("Conv1D", [](const ConfigDict& c) { return layers::conv1d(convArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("Conv2D", [](const ConfigDict& c) { return layers::conv2d(convArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("Conv3D", [](const ConfigDict& c) { return layers::conv3d(convArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("Conv2DTranspose",
                  [](const ConfigDict& c) { return layers::conv2dTranspose(convArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("Conv3DTranspose",
                  [](const ConfigDict& c) { return layers::conv3dTranspose(convArgsFromConfig(toJson(c))); });

}  // namespace edgeflow
