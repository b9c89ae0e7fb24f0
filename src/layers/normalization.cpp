// BatchNormalization and LayerNormalization (tfjs-layers' layers/normalization). The
// normalisation is written with elementary ops: (x - mean) / sqrt(variance + epsilon) * gamma + beta.
#include "edgeflow/layers/normalization.h"

#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/normalization.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/inference_fold.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

// As tfjs-layers: one batchNorm op (the FusedBatchNorm kernel), not a chain of element-wise ops.
Tensor normalize(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& beta, const Tensor& gamma,
                 double epsilon) {
  return batchNorm(x, mean, variance, beta, gamma, epsilon);
}

initializers::InitializerPtr initializerOr(const InitializerIdentifier& id, const char* fallback) {
  return initializers::getInitializer(id.empty() ? InitializerIdentifier(fallback) : id);
}

class BatchNormalizationImpl : public LayerImpl, public BatchNormFoldSource {
 public:
  explicit BatchNormalizationImpl(const layers::BatchNormalizationLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        axis_(a.axis),
        momentum_(a.momentum),
        epsilon_(a.epsilon),
        center_(a.center),
        scale_(a.scale),
        betaInit_(initializerOr(a.betaInitializer, "zeros")),
        gammaInit_(initializerOr(a.gammaInitializer, "ones")),
        movingMeanInit_(initializerOr(a.movingMeanInitializer, "zeros")),
        movingVarianceInit_(initializerOr(a.movingVarianceInitializer, "ones")),
        betaConstraint_(constraints::getConstraint(a.betaConstraint)),
        gammaConstraint_(constraints::getConstraint(a.gammaConstraint)),
        betaRegularizer_(regularizers::getRegularizer(a.betaRegularizer)),
        gammaRegularizer_(regularizers::getRegularizer(a.gammaRegularizer)) {}
  std::string getClassName() const override { return "BatchNormalization"; }
  BatchNormParams batchNormParams() const override {
    return {axis_, epsilon_, gamma_, beta_, movingMean_, movingVariance_};
  }

  void build(const std::vector<Shape>& shapes) override {
    if (shapes.size() != 1) throw Error("Layer " + name_ + " expects 1 input shape, got " + std::to_string(shapes.size()));
    const Shape& s = shapes[0];
    int axis = axis_ >= 0 ? axis_ : axis_ + int(s.size());
    if (axis < 0 || axis >= int(s.size()))
      throw Error("BatchNormalization " + name_ + ": axis " + std::to_string(axis_) + " is out of range for input shape " +
                  shapeToJsonString(s));
    int64_t dim = s[size_t(axis)];
    if (dim < 0)
      throw Error("Axis " + std::to_string(axis) + " of input tensor should have a defined dimension but the layer "
                  "received an input with shape " + shapeToJsonString(s) + ".");
    InputSpec spec;
    spec.ndim = int(s.size());
    spec.axes[axis] = dim;
    inputSpec_ = {spec};
    if (scale_) gamma_ = addWeight("gamma", {dim}, std::nullopt, gammaInit_, gammaRegularizer_, true, gammaConstraint_);
    if (center_) beta_ = addWeight("beta", {dim}, std::nullopt, betaInit_, betaRegularizer_, true, betaConstraint_);
    movingMean_ = addWeight("moving_mean", {dim}, std::nullopt, movingMeanInit_, nullptr, false);
    movingVariance_ = addWeight("moving_variance", {dim}, std::nullopt, movingVarianceInit_, nullptr, false);
    built_ = true;
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    return {tidy([&] {
      const Tensor& x = onlyInput(inputs, name_);
      const int rank = x.rank();
      if (rank < 2 || rank > 4)
        throw Error("batchNormalization is not implemented for array of rank " + std::to_string(rank) + " yet");
      const int axis = axis_ >= 0 ? axis_ : axis_ + rank;
      Shape broadcast(size_t(rank), 1);
      broadcast[size_t(axis)] = x.shape()[size_t(axis)];
      auto read = [&](const LayerVariable& v) { return v.defined() ? reshape(v.read(), broadcast) : Tensor(); };
      if (!kwargs.training)
        return normalize(x, read(movingMean_), read(movingVariance_), read(beta_), read(gamma_), epsilon_);
      std::vector<int64_t> reduction;
      for (int i = 0; i < rank; ++i)
        if (i != axis) reduction.push_back(i);
      Moments m = moments(x, reduction);
      Tensor y = normalize(x, reshape(m.mean, broadcast), reshape(m.variance, broadcast), read(beta_), read(gamma_),
                           epsilon_);
      updateMovingAverage(movingMean_, m.mean);
      updateMovingAverage(movingVariance_, m.variance);
      return y;
    })};
  }

  ConfigDict getConfig() const override {
    Json c{{"axis", axis_},
           {"momentum", jsonNumber(momentum_)},
           {"epsilon", jsonNumber(epsilon_)},
           {"center", center_},
           {"scale", scale_},
           {"betaInitializer", toJson(initializers::serializeInitializer(betaInit_))},
           {"gammaInitializer", toJson(initializers::serializeInitializer(gammaInit_))},
           {"movingMeanInitializer", toJson(initializers::serializeInitializer(movingMeanInit_))},
           {"movingVarianceInitializer", toJson(initializers::serializeInitializer(movingVarianceInit_))},
           {"betaRegularizer", toJson(regularizers::serializeRegularizer(betaRegularizer_))},
           {"gammaRegularizer", toJson(regularizers::serializeRegularizer(gammaRegularizer_))},
           {"betaConstraint", toJson(constraints::serializeConstraint(betaConstraint_))},
           {"gammaConstraint", toJson(constraints::serializeConstraint(gammaConstraint_))}};
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  // moving -= (moving - value) * (1 - momentum), outside any gradient.
  void updateMovingAverage(const LayerVariable& v, const Tensor& value) const {
    tidy([&] {
      Tensor old = v.read();
      v.write(sub(old, mul(sub(old, value), scalar(1 - momentum_))));
    });
  }

  int axis_;
  double momentum_, epsilon_;
  bool center_, scale_;
  initializers::InitializerPtr betaInit_, gammaInit_, movingMeanInit_, movingVarianceInit_;
  constraints::ConstraintPtr betaConstraint_, gammaConstraint_;
  regularizers::RegularizerPtr betaRegularizer_, gammaRegularizer_;
  LayerVariable gamma_, beta_, movingMean_, movingVariance_;
};

class LayerNormalizationImpl : public LayerImpl {
 public:
  explicit LayerNormalizationImpl(const layers::LayerNormalizationLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        axis_(a.axis.empty() ? std::vector<int>{-1} : a.axis),
        axisGivenAsList_(a.axis.size() > 1),
        epsilon_(a.epsilon),
        center_(a.center),
        scale_(a.scale),
        betaInit_(initializerOr(a.betaInitializer, "zeros")),
        gammaInit_(initializerOr(a.gammaInitializer, "ones")),
        betaRegularizer_(regularizers::getRegularizer(a.betaRegularizer)),
        gammaRegularizer_(regularizers::getRegularizer(a.gammaRegularizer)) {}
  std::string getClassName() const override { return "LayerNormalization"; }

  void build(const std::vector<Shape>& shapes) override {
    if (shapes.size() != 1) throw Error("Layer " + name_ + " expects 1 input shape, got " + std::to_string(shapes.size()));
    const Shape& s = shapes[0];
    const int rank = int(s.size());
    for (int& a : axis_)
      if (a < 0) a += rank;
    for (int a : axis_)
      if (a < 0 || a >= rank) throw Error("Invalid axis: " + std::to_string(a));
    std::vector<int> sorted = axis_;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
      throw Error("Found duplicate axes in: " + Json(axis_).dump());
    Shape param;
    for (int a : axis_) param.push_back(s[size_t(a)]);
    axisGivenAsList_ = true;  // TF.js stores the normalised axes as a list once built
    if (scale_) gamma_ = addWeight("gamma", param, DType::float32, gammaInit_, gammaRegularizer_, true);
    if (center_) beta_ = addWeight("beta", param, DType::float32, betaInit_, betaRegularizer_, true);
    built_ = true;
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] {
      const Tensor& x = onlyInput(inputs, name_);
      const int rank = x.rank();
      std::vector<int64_t> axes(axis_.begin(), axis_.end());
      Moments m = moments(x, axes, true);
      Shape broadcast(size_t(rank), 1);
      for (int a : axis_) broadcast[size_t(a)] = x.shape()[size_t(a)];
      auto read = [&](const LayerVariable& v) {
        if (!v.defined()) return Tensor();
        Tensor t = v.read();
        return t.rank() != rank ? reshape(t, broadcast) : t;
      };
      return normalize(x, m.mean, m.variance, read(beta_), read(gamma_), epsilon_);
    })};
  }

  ConfigDict getConfig() const override {
    Json c{{"axis", axisGivenAsList_ ? Json(axis_) : Json(axis_[0])},
           {"epsilon", jsonNumber(epsilon_)},
           {"center", center_},
           {"scale", scale_},
           {"betaInitializer", toJson(initializers::serializeInitializer(betaInit_))},
           {"gammaInitializer", toJson(initializers::serializeInitializer(gammaInit_))},
           {"betaRegularizer", toJson(regularizers::serializeRegularizer(betaRegularizer_))},
           {"gammaRegularizer", toJson(regularizers::serializeRegularizer(gammaRegularizer_))}};
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  std::vector<int> axis_;
  bool axisGivenAsList_;
  double epsilon_;
  bool center_, scale_;
  initializers::InitializerPtr betaInit_, gammaInit_;
  regularizers::RegularizerPtr betaRegularizer_, gammaRegularizer_;
  LayerVariable gamma_, beta_;
};

InitializerIdentifier initializerFrom(const Json& c, const char* key) {
  if (!c.contains(key) || c[key].is_null()) return {};
  return initializers::deserializeInitializer(sub(c, key));
}

}  // namespace

namespace layers {
Layer batchNormalization(BatchNormalizationLayerArgs args) {
  return Layer(std::make_shared<BatchNormalizationImpl>(args));
}
Layer layerNormalization(LayerNormalizationLayerArgs args) {
  return Layer(std::make_shared<LayerNormalizationImpl>(args));
}
}  // namespace layers

EF_REGISTER_LAYER("BatchNormalization", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::BatchNormalizationLayerArgs a;
  // Keras writes axis as a one-element list ([3]); TF.js reads both forms.
  if (c.contains("axis") && c["axis"].is_array()) {
    if (c["axis"].size() != 1 || !c["axis"][0].is_number_integer())
      throw Error("BatchNormalization: axis must be an integer or a list of one integer, got " + c["axis"].dump());
    a.axis = c["axis"][0].get<int>();
  } else if (auto v = optInt(c, "axis")) {
    a.axis = int(*v);
  }
  if (auto v = optDouble(c, "momentum")) a.momentum = *v;
  if (auto v = optDouble(c, "epsilon")) a.epsilon = *v;
  a.center = c.value("center", true);
  a.scale = c.value("scale", true);
  a.betaInitializer = initializerFrom(c, "betaInitializer");
  a.gammaInitializer = initializerFrom(c, "gammaInitializer");
  a.movingMeanInitializer = initializerFrom(c, "movingMeanInitializer");
  a.movingVarianceInitializer = initializerFrom(c, "movingVarianceInitializer");
  a.betaConstraint = constraints::deserializeConstraint(sub(c, "betaConstraint"));
  a.gammaConstraint = constraints::deserializeConstraint(sub(c, "gammaConstraint"));
  a.betaRegularizer = regularizers::deserializeRegularizer(sub(c, "betaRegularizer"));
  a.gammaRegularizer = regularizers::deserializeRegularizer(sub(c, "gammaRegularizer"));
  return layers::batchNormalization(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("LayerNormalization", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::LayerNormalizationLayerArgs a;
  if (c.contains("axis") && !c["axis"].is_null())
    a.axis = c["axis"].is_array() ? c["axis"].get<std::vector<int>>() : std::vector<int>{c["axis"].get<int>()};
  if (auto v = optDouble(c, "epsilon")) a.epsilon = *v;
  a.center = c.value("center", true);
  a.scale = c.value("scale", true);
  a.betaInitializer = initializerFrom(c, "betaInitializer");
  a.gammaInitializer = initializerFrom(c, "gammaInitializer");
  a.betaRegularizer = regularizers::deserializeRegularizer(sub(c, "betaRegularizer"));
  a.gammaRegularizer = regularizers::deserializeRegularizer(sub(c, "gammaRegularizer"));
  return layers::layerNormalization(withBaseFromConfig(a, c));
});

}  // namespace edgeflow
