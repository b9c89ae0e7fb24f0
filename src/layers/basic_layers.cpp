// tf.layers.activation, flatten, dropout and reshape (tfjs-layers' layers/core).
#include "edgeflow/engine.h"
#include "edgeflow/layers/activations.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/inference_fold.h"
#include "layers/input_layer.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

const Tensor& exactlyOneTensor(const std::vector<Tensor>& inputs, const std::string& layer) {
  if (inputs.size() != 1)
    throw Error("Layer " + layer + " expects 1 input tensor, got " + std::to_string(inputs.size()));
  return inputs[0];
}
const Shape& exactlyOneShape(const std::vector<Shape>& shapes, const std::string& layer) {
  if (shapes.size() != 1) throw Error("Layer " + layer + " expects 1 input shape, got " + std::to_string(shapes.size()));
  return shapes[0];
}
int64_t product(const Shape& s, size_t from) {
  int64_t p = 1;
  for (size_t i = from; i < s.size(); ++i) p *= s[i];
  return p;
}

class ActivationLayerImpl : public LayerImpl, public FusableActivationLayer {
 public:
  explicit ActivationLayerImpl(const layers::ActivationLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), activation_(activations::getActivation(a.activation)) {
    supportsMasking_ = true;
  }
  std::string getClassName() const override { return "Activation"; }
  std::string fusedActivation() const override {
    const std::string name = activations::serializeActivation(activation_);
    return name == "relu" || name == "relu6" ? name : "";
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {activation_->apply(exactlyOneTensor(inputs, name_))};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"activation", activations::serializeActivation(activation_)}}, LayerImpl::getConfig());
  }

 private:
  activations::ActivationPtr activation_;
};

class FlattenImpl : public LayerImpl {
 public:
  explicit FlattenImpl(const layers::FlattenLayerArgs& a) : LayerImpl(layerArgsOf(a)), dataFormat_(a.dataFormat) {
    if (!dataFormat_.empty() && dataFormat_ != "channelsFirst" && dataFormat_ != "channelsLast")
      throw Error("Invalid DataFormat: '" + dataFormat_ + "'. Valid values are: channelsFirst, channelsLast");
    InputSpec spec;
    spec.minNDim = 3;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "Flatten"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    const Shape& s = exactlyOneShape(inputShapes, name_);
    Shape rest(s.begin() + 1, s.end());
    if (!fullyDefined(rest))
      throw Error("The shape of the input to \"Flatten\" is not fully defined (got " + shapeToJsonString(rest) +
                  "). Make sure to pass a complete \"input_shape\" or \"batch_input_shape\" argument to the first "
                  "layer in your model.");
    return {Shape{s[0], product(s, 1)}};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] {
      Tensor x = exactlyOneTensor(inputs, name_);
      if (dataFormat_ == "channelsFirst" && x.rank() > 1) {
        std::vector<int64_t> perm{0};
        for (int i = 2; i < x.rank(); ++i) perm.push_back(i);
        perm.push_back(1);
        x = transpose(x, perm);
      }
      if (x.rank() <= 1) throw Error("batchFlatten requires a minimum rank of 2. Got rank: " + std::to_string(x.rank()) + ".");
      return reshape(x, {x.shape()[0], product(x.shape(), 1)});
    })};
  }
  ConfigDict getConfig() const override {
    Json c = Json::object();
    if (!dataFormat_.empty()) c["dataFormat"] = dataFormat_;
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  std::string dataFormat_;
};

class DropoutImpl : public LayerImpl {
 public:
  explicit DropoutImpl(const layers::DropoutLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), rate_(std::max(std::min(a.rate, 1.0), 0.0)), noiseShape_(a.noiseShape), seed_(a.seed) {
    supportsMasking_ = true;
  }
  std::string getClassName() const override { return "Dropout"; }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    const Tensor& x = exactlyOneTensor(inputs, name_);
    if (!(rate_ > 0 && rate_ < 1) || !kwargs.training) return {x};
    return {tidy([&] {  // tf.dropout: x * floor(uniform + keepProb) / keepProb
      if (x.dtype() != DType::float32)
        throw Error(std::string("x has to be a floating point tensor since it's going to be scaled, but got a ") +
                    dtypeName(x.dtype()) + " tensor instead.");
      Shape noise = x.shape();
      if (!noiseShape_.empty()) {
        noise = noiseShape_;
        for (size_t i = 0; i < noise.size() && i < x.shape().size(); ++i)
          if (noise[i] < 0) noise[i] = x.shape()[i];
      }
      double keepProb = 1 - rate_;
      Tensor multiplier = div(floor(add(randomUniform(noise, 0, 1, DType::float32, seed_), keepProb)), keepProb);
      return mul(x, multiplier);
    })};
  }
  ConfigDict getConfig() const override {
    Json c{{"rate", jsonNumber(rate_)}};
    if (!noiseShape_.empty()) c["noiseShape"] = shapeToJson(noiseShape_);
    if (seed_) c["seed"] = jsonNumber(*seed_);
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  double rate_;
  Shape noiseShape_;
  Seed seed_;
};

class ReshapeImpl : public LayerImpl {
 public:
  explicit ReshapeImpl(const layers::ReshapeLayerArgs& a) : LayerImpl(layerArgsOf(a)), targetShape_(a.targetShape) {
    for (auto& d : targetShape_)
      if (d < 0) d = -1;
  }
  std::string getClassName() const override { return "Reshape"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    const Shape& s = exactlyOneShape(inputShapes, name_);
    Shape out{s.empty() ? -1 : s[0]};
    Shape rest = fullyDefined(s) ? fixUnknownDimension(Shape(s.begin() + 1, s.end())) : targetShape_;
    out.insert(out.end(), rest.begin(), rest.end());
    return {out};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    const Tensor& x = exactlyOneTensor(inputs, name_);
    Shape out{x.shape()[0]};
    Shape rest = fixUnknownDimension(Shape(x.shape().begin() + 1, x.shape().end()));
    out.insert(out.end(), rest.begin(), rest.end());
    return {reshape(x, out)};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"targetShape", shapeToJson(targetShape_)}}, LayerImpl::getConfig());
  }

 private:
  Shape fixUnknownDimension(const Shape& inputShape) const {
    const char* msg = "Total size of new array must be unchanged.";
    Shape finalShape = targetShape_;
    int64_t known = 1;
    int unknown = -1;
    for (size_t i = 0; i < finalShape.size(); ++i) {
      if (finalShape[i] < 0) {
        if (unknown >= 0) throw Error("Can only specifiy one unknown dimension.");
        unknown = static_cast<int>(i);
      } else {
        known *= finalShape[i];
      }
    }
    int64_t original = product(inputShape, 0);
    if (unknown >= 0) {
      if (known == 0 || original % known != 0) throw Error(msg);
      finalShape[size_t(unknown)] = original / known;
    } else if (original != known) {
      throw Error(std::string(msg) + " Input shape " + shapeToJsonString(inputShape) + " vs target shape " +
                  shapeToJsonString(targetShape_));
    }
    return finalShape;
  }

  Shape targetShape_;
};

}  // namespace

namespace layers {
Layer activation(ActivationLayerArgs args) { return Layer(std::make_shared<ActivationLayerImpl>(args)); }
Layer flatten(FlattenLayerArgs args) { return Layer(std::make_shared<FlattenImpl>(args)); }
Layer dropout(DropoutLayerArgs args) { return Layer(std::make_shared<DropoutImpl>(args)); }
Layer reshape(ReshapeLayerArgs args) { return Layer(std::make_shared<ReshapeImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("Activation", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::activation(withBaseFromConfig(layers::ActivationLayerArgs{.activation = str(c, "activation")}, c));
});
EF_REGISTER_LAYER("Flatten", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::flatten(withBaseFromConfig(layers::FlattenLayerArgs{.dataFormat = str(c, "dataFormat")}, c));
});
EF_REGISTER_LAYER("Dropout", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::DropoutLayerArgs a{.rate = c.at("rate").get<double>()};
  if (c.contains("noiseShape")) a.noiseShape = shapeFromJson(c["noiseShape"]);
  a.seed = optDouble(c, "seed");
  return layers::dropout(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("Reshape", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::reshape(withBaseFromConfig(layers::ReshapeLayerArgs{.targetShape = shapeFromJson(c.at("targetShape"))}, c));
});
EF_REGISTER_LAYER("InputLayer", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::InputLayerArgs a;
  a.batchInputShape = shapeFromJson(c.at("batchInputShape"));
  if (c.contains("dtype") && !c["dtype"].is_null()) a.dtype = parseDType(c["dtype"].get<std::string>());
  a.sparse = c.value("sparse", false);
  a.name = str(c, "name");
  return layers::inputLayer(a);
});

}  // namespace edgeflow
