// Noise layers (tfjs-layers' layers/noise): GaussianNoise, GaussianDropout, AlphaDropout. They
// act only with Kwargs::training (inside fit); otherwise they return their input.
#include "edgeflow/layers/noise.h"

#include <cmath>

#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class NoiseImpl : public LayerImpl {
 public:
  using Fn = std::function<Tensor(const Tensor&)>;
  NoiseImpl(const LayerArgs& args, std::string className, Json config, Fn noised)
      : LayerImpl(args), className_(std::move(className)), config_(std::move(config)), noised_(std::move(noised)) {}
  std::string getClassName() const override { return className_; }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    if (inputs.size() != 1)
      throw Error("Layer " + name_ + " expects 1 input tensor, got " + std::to_string(inputs.size()));
    if (!kwargs.training || !noised_) return {inputs[0]};
    return {tidy([&] { return noised_(inputs[0]); })};
  }
  ConfigDict getConfig() const override { return withBaseConfig(config_, LayerImpl::getConfig()); }

 private:
  std::string className_;
  Json config_;
  Fn noised_;
};

}  // namespace

namespace layers {

Layer gaussianNoise(GaussianNoiseLayerArgs a) {
  double stddev = a.stddev;
  return Layer(std::make_shared<NoiseImpl>(layerArgsOf(a), "GaussianNoise", Json{{"stddev", jsonNumber(stddev)}},
                                           [stddev](const Tensor& x) {
                                             return add(randomNormal(x.shape(), 0, stddev), x);
                                           }));
}

Layer gaussianDropout(GaussianDropoutLayerArgs a) {
  double rate = a.rate;
  NoiseImpl::Fn fn;
  if (rate > 0 && rate < 1)
    fn = [rate](const Tensor& x) { return mul(x, randomNormal(x.shape(), 1, std::sqrt(rate / (1 - rate)))); };
  return Layer(std::make_shared<NoiseImpl>(layerArgsOf(a), "GaussianDropout", Json{{"rate", jsonNumber(rate)}}, fn));
}

Layer alphaDropout(AlphaDropoutLayerArgs a) {
  double rate = a.rate;
  Shape noiseShape = a.noiseShape;
  NoiseImpl::Fn fn;
  if (rate > 0 && rate < 1)
    fn = [rate, noiseShape](const Tensor& x) {
      // selu's constants: dropped units are set to selu's negative saturation, then an affine
      // transform restores the mean and variance.
      const double alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946;
      const double alphaP = -alpha * scale;
      Tensor kept = cast(greaterEqual(randomUniform(noiseShape.empty() ? x.shape() : noiseShape), rate), DType::float32);
      const double aa = std::pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
      const double bb = -aa * alphaP * rate;
      Tensor y = add(mul(x, kept), mul(add(kept, -1.0), alphaP));
      return add(mul(y, aa), bb);
    };
  // TF.js's config holds only the rate.
  return Layer(std::make_shared<NoiseImpl>(layerArgsOf(a), "AlphaDropout", Json{{"rate", jsonNumber(rate)}}, fn));
}

}  // namespace layers

EF_REGISTER_LAYER("GaussianNoise", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::gaussianNoise(withBaseFromConfig(layers::GaussianNoiseLayerArgs{.stddev = c.at("stddev").get<double>()}, c));
});
EF_REGISTER_LAYER("GaussianDropout", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::gaussianDropout(withBaseFromConfig(layers::GaussianDropoutLayerArgs{.rate = c.at("rate").get<double>()}, c));
});
EF_REGISTER_LAYER("AlphaDropout", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  return layers::alphaDropout(withBaseFromConfig(layers::AlphaDropoutLayerArgs{.rate = c.at("rate").get<double>()}, c));
});

}  // namespace edgeflow
