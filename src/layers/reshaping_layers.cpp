// tf.layers.permute, repeatVector, masking and spatialDropout1d (tfjs-layers' layers/core).
#include <algorithm>
#include <numeric>

#include "edgeflow/engine.h"
#include "edgeflow/layers/core.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class PermuteImpl : public LayerImpl {
 public:
  explicit PermuteImpl(const layers::PermuteLayerArgs& a) : LayerImpl(layerArgsOf(a)), dims_(a.dims) {
    std::vector<int64_t> sorted = dims_, expected(dims_.size());
    std::sort(sorted.begin(), sorted.end());
    std::iota(expected.begin(), expected.end(), 1);
    if (sorted != expected)
      throw Error("Invalid permutation `dims`: " + Json(dims_).dump() +
                  " `dims` must contain consecutive integers starting from 1.");
    InputSpec spec;
    spec.ndim = int(dims_.size()) + 1;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "Permute"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    const Shape& s = shapes.at(0);
    Shape out = s;
    for (size_t i = 0; i < dims_.size(); ++i) out[i + 1] = s.at(size_t(dims_[i]));
    return {out};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    std::vector<int64_t> perm{0};
    perm.insert(perm.end(), dims_.begin(), dims_.end());
    return {transpose(onlyInput(inputs, name_), perm)};
  }
  ConfigDict getConfig() const override { return withBaseConfig(Json{{"dims", dims_}}, LayerImpl::getConfig()); }

 private:
  std::vector<int64_t> dims_;
};

class RepeatVectorImpl : public LayerImpl {
 public:
  explicit RepeatVectorImpl(const layers::RepeatVectorLayerArgs& a) : LayerImpl(layerArgsOf(a)), n_(a.n) {
    if (n_ < 1) throw Error("RepeatVector: n must be a positive integer, got " + std::to_string(n_));
    InputSpec spec;
    spec.ndim = 2;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "RepeatVector"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    const Shape& s = shapes.at(0);
    return {Shape{s.at(0), n_, s.at(1)}};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] { return tile(expandDims(onlyInput(inputs, name_), 1), {1, n_, 1}); })};
  }
  ConfigDict getConfig() const override { return withBaseConfig(Json{{"n", n_}}, LayerImpl::getConfig()); }

 private:
  int64_t n_;
};

class MaskingImpl : public LayerImpl {
 public:
  explicit MaskingImpl(const layers::MaskingLayerArgs& a) : LayerImpl(layerArgsOf(a)), maskValue_(a.maskValue) {
    supportsMasking_ = true;
  }
  std::string getClassName() const override { return "Masking"; }
  // A step is kept when any of its features differs from maskValue: [batch, timeSteps] bool.
  std::vector<Tensor> computeMask(const std::vector<Tensor>& inputs, const std::vector<Tensor>&) override {
    return {any(notEqual(onlyInput(inputs, name_), maskValue_), -1)};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] {
      const Tensor& x = onlyInput(inputs, name_);
      Tensor keepStep = any(notEqual(x, maskValue_), -1, true);
      return mul(x, cast(keepStep, x.dtype()));
    })};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"maskValue", jsonNumber(maskValue_)}}, LayerImpl::getConfig());
  }

 private:
  double maskValue_;
};

class SpatialDropout1DImpl : public LayerImpl {
 public:
  explicit SpatialDropout1DImpl(const layers::SpatialDropout1DLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), rate_(std::clamp(a.rate, 0.0, 1.0)), seed_(a.seed) {
    InputSpec spec;
    spec.ndim = 3;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "SpatialDropout1D"; }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    const Tensor& x = onlyInput(inputs, name_);
    if (!(rate_ > 0 && rate_ < 1) || !kwargs.training) return {x};
    return {tidy([&] {
      const double keep = 1 - rate_;
      Shape noise{x.shape()[0], 1, x.shape()[2]};
      return mul(x, div(floor(add(randomUniform(noise, 0, 1, DType::float32, seed_), keep)), keep));
    })};
  }
  ConfigDict getConfig() const override {
    Json c{{"rate", jsonNumber(rate_)}};
    if (seed_) c["seed"] = jsonNumber(*seed_);
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  double rate_;
  Seed seed_;
};

}  // namespace

namespace layers {
Layer permute(PermuteLayerArgs args) { return Layer(std::make_shared<PermuteImpl>(args)); }
Layer repeatVector(RepeatVectorLayerArgs args) { return Layer(std::make_shared<RepeatVectorImpl>(args)); }
Layer masking(MaskingLayerArgs args) { return Layer(std::make_shared<MaskingImpl>(args)); }
Layer spatialDropout1d(SpatialDropout1DLayerArgs args) { return Layer(std::make_shared<SpatialDropout1DImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("Permute", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::permute(withBaseFromConfig(layers::PermuteLayerArgs{.dims = c.at("dims").get<std::vector<int64_t>>()}, c));
});
EF_REGISTER_LAYER("RepeatVector", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::repeatVector(withBaseFromConfig(layers::RepeatVectorLayerArgs{.n = c.at("n").get<int64_t>()}, c));
});
EF_REGISTER_LAYER("Masking", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::masking(withBaseFromConfig(layers::MaskingLayerArgs{.maskValue = optDouble(c, "maskValue").value_or(0)}, c));
});
EF_REGISTER_LAYER("SpatialDropout1D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::spatialDropout1d(
      withBaseFromConfig(layers::SpatialDropout1DLayerArgs{.rate = c.at("rate").get<double>(), .seed = optDouble(c, "seed")}, c));
});

}  // namespace edgeflow
