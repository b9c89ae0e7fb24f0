// Advanced activation layers (tfjs-layers' layers/advanced_activations).
#include "edgeflow/layers/advanced_activations.h"

#include "edgeflow/engine.h"
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/inference_fold.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

// A layer computing fn(x) elementwise, with one optional numeric parameter in its config.
// fused: the activation name a fused convolution applies instead (relu, relu6), or "".
class SimpleActivationImpl : public LayerImpl, public FusableActivationLayer {
 public:
  using Fn = std::function<Tensor(const Tensor&)>;
  SimpleActivationImpl(const LayerArgs& args, std::string className, Json config, Fn fn, std::string fused = "")
      : LayerImpl(args), className_(std::move(className)), config_(std::move(config)), fn_(std::move(fn)),
        fused_(std::move(fused)) {}
  std::string getClassName() const override { return className_; }
  std::string fusedActivation() const override { return fused_; }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] { return fn_(onlyInput(inputs, name_)); })};
  }
  ConfigDict getConfig() const override { return withBaseConfig(config_, LayerImpl::getConfig()); }

 private:
  std::string className_;
  Json config_;
  Fn fn_;
  std::string fused_;
};

class PReLUImpl : public LayerImpl {
 public:
  explicit PReLUImpl(const layers::PReLULayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        initializer_(initializers::getInitializer(a.alphaInitializer.empty() ? InitializerIdentifier("zeros")
                                                                               : a.alphaInitializer)),
        regularizer_(regularizers::getRegularizer(a.alphaRegularizer)),
        constraint_(constraints::getConstraint(a.alphaConstraint)),
        sharedAxes_(a.sharedAxes) {}
  std::string getClassName() const override { return "PReLU"; }

  void build(const std::vector<Shape>& shapes) override {
    if (shapes.size() != 1) throw Error("Layer " + name_ + " expects 1 input shape, got " + std::to_string(shapes.size()));
    const Shape& s = shapes[0];
    if (s.size() < 2) throw Error("PReLU " + name_ + ": input must have rank >= 2, got shape " + shapeToJsonString(s));
    Shape param(s.begin() + 1, s.end());
    for (int axis : sharedAxes_) {
      if (axis < 1 || axis > int(param.size()))
        throw Error("PReLU " + name_ + ": sharedAxes entry " + std::to_string(axis) + " is out of range for input shape " +
                    shapeToJsonString(s));
      param[size_t(axis - 1)] = 1;
    }
    for (int64_t d : param)
      if (d < 0)
        throw Error("PReLU " + name_ + ": the input shape " + shapeToJsonString(s) + " must be fully defined");
    alpha_ = addWeight("alpha", param, DType::float32, initializer_, regularizer_, true, constraint_);
    InputSpec spec;
    spec.ndim = int(s.size());
    if (!sharedAxes_.empty())
      for (size_t i = 1; i < s.size(); ++i) spec.axes[int(i)] = s[i];
    inputSpec_ = {spec};
    built_ = true;
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {edgeflow::prelu(onlyInput(inputs, name_), alpha_.read())};
  }

  ConfigDict getConfig() const override {
    Json c{{"alphaInitializer", toJson(initializers::serializeInitializer(initializer_))},
           {"alphaRegularizer", toJson(regularizers::serializeRegularizer(regularizer_))},
           {"alphaConstraint", toJson(constraints::serializeConstraint(constraint_))},
           {"sharedAxes", sharedAxes_.empty() ? Json() : Json(sharedAxes_)}};
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  initializers::InitializerPtr initializer_;
  regularizers::RegularizerPtr regularizer_;
  constraints::ConstraintPtr constraint_;
  std::vector<int> sharedAxes_;
  LayerVariable alpha_;
};

std::vector<int> intOrList(const Json& j) {
  if (j.is_null()) return {};
  return j.is_array() ? j.get<std::vector<int>>() : std::vector<int>{j.get<int>()};
}

}  // namespace

namespace layers {

Layer reLU(ReLULayerArgs a) {
  Json c = Json::object();
  if (a.maxValue) c["maxValue"] = jsonNumber(*a.maxValue);
  auto maxValue = a.maxValue;
  std::string fused = !maxValue ? "relu" : *maxValue == 6 ? "relu6" : "";
  auto fn = [maxValue](const Tensor& x) {
    // relu6 equals clipByValue(relu(x), 0, 6) in value and gradient (NaN and -0 included), in one pass.
    if (maxValue && *maxValue == 6) return edgeflow::relu6(x);
    Tensor y = edgeflow::relu(x);
    return maxValue ? clipByValue(y, 0, *maxValue) : y;
  };
  return Layer(std::make_shared<SimpleActivationImpl>(layerArgsOf(a), "ReLU", c, fn, fused));
}

Layer leakyReLU(LeakyReLULayerArgs a) {
  double alpha = a.alpha.value_or(0.3);
  return Layer(std::make_shared<SimpleActivationImpl>(layerArgsOf(a), "LeakyReLU", Json{{"alpha", jsonNumber(alpha)}},
                                                      [alpha](const Tensor& x) { return leakyRelu(x, alpha); }));
}

Layer prelu(PReLULayerArgs a) { return Layer(std::make_shared<PReLUImpl>(a)); }

Layer elu(ELULayerArgs a) {
  double alpha = a.alpha.value_or(1.0);
  if (alpha != 1.0)
    throw Error("Non-default alpha value (" + jsonNumber(alpha).dump() + ") is not supported by the ELU layer yet.");
  return Layer(std::make_shared<SimpleActivationImpl>(layerArgsOf(a), "ELU", Json{{"alpha", jsonNumber(alpha)}},
                                                      [](const Tensor& x) { return edgeflow::elu(x); }));
}

Layer thresholdedReLU(ThresholdedReLULayerArgs a) {
  double theta = a.theta.value_or(1.0);
  return Layer(std::make_shared<SimpleActivationImpl>(
      layerArgsOf(a), "ThresholdedReLU", Json{{"theta", jsonNumber(theta)}},
      [theta](const Tensor& x) { return mul(x, cast(greater(x, theta), DType::float32)); }));
}

Layer softmax(SoftmaxLayerArgs a) {
  std::vector<int> axis = a.axis.empty() ? std::vector<int>{1} : a.axis;
  Json config{{"axis", axis.size() == 1 ? Json(axis[0]) : Json(axis)}};
  return Layer(std::make_shared<SimpleActivationImpl>(layerArgsOf(a), "Softmax", config, [axis](const Tensor& x) {
    if (axis.size() == 1) return edgeflow::softmax(x, axis[0]);
    std::vector<int64_t> axes(axis.begin(), axis.end());
    return exp(sub(x, logSumExp(x, axes, true)));
  }));
}

}  // namespace layers

EF_REGISTER_LAYER("ReLU", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::reLU(withBaseFromConfig(layers::ReLULayerArgs{.maxValue = optDouble(c, "maxValue")}, c));
});
EF_REGISTER_LAYER("LeakyReLU", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::leakyReLU(withBaseFromConfig(layers::LeakyReLULayerArgs{.alpha = optDouble(c, "alpha")}, c));
});
EF_REGISTER_LAYER("ELU", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::elu(withBaseFromConfig(layers::ELULayerArgs{.alpha = optDouble(c, "alpha")}, c));
});
EF_REGISTER_LAYER("ThresholdedReLU", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::thresholdedReLU(withBaseFromConfig(layers::ThresholdedReLULayerArgs{.theta = optDouble(c, "theta")}, c));
});
EF_REGISTER_LAYER("Softmax", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::softmax(withBaseFromConfig(layers::SoftmaxLayerArgs{.axis = intOrList(c.value("axis", Json()))}, c));
});
EF_REGISTER_LAYER("PReLU", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::PReLULayerArgs a;
  if (c.contains("alphaInitializer") && !c["alphaInitializer"].is_null())
    a.alphaInitializer = initializers::deserializeInitializer(sub(c, "alphaInitializer"));
  a.alphaRegularizer = regularizers::deserializeRegularizer(sub(c, "alphaRegularizer"));
  a.alphaConstraint = constraints::deserializeConstraint(sub(c, "alphaConstraint"));
  a.sharedAxes = intOrList(c.value("sharedAxes", Json()));
  return layers::prelu(withBaseFromConfig(a, c));
});

}  // namespace edgeflow
