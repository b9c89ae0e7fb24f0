// tf.layers.maxPooling1d/2d/3d and averagePooling1d/2d/3d (tfjs-layers' Pooling1D/2D/3D).
#include "edgeflow/engine.h"
#include "edgeflow/layers/pooling.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/pool.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class PoolingImpl : public LayerImpl {
 public:
  PoolingImpl(int rank, bool isMax, const layers::PoolingLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), rank_(rank), max_(isMax) {
    const std::string cls = getClassName();
    poolSize_ = normalizeSize(a.poolSize, rank, "poolSize", cls, 2);
    strides_ = a.strides.empty() ? poolSize_ : normalizeSize(a.strides, rank, "strides", cls, 1);
    padding_ = checkedPadding(a.padding);
    dataFormat_ = checkedDataFormat(a.dataFormat);
    InputSpec spec;
    spec.ndim = rank + 2;
    inputSpec_ = {spec};
  }

  std::string getClassName() const override {
    static const char* names[2][3] = {{"AveragePooling1D", "AveragePooling2D", "AveragePooling3D"},
                                      {"MaxPooling1D", "MaxPooling2D", "MaxPooling3D"}};
    return names[max_ ? 1 : 0][rank_ - 1];
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    Shape out = inputShapes.at(0);
    const size_t start = (rank_ > 1 && dataFormat_ == "channelsFirst") ? 2 : 1;
    for (int i = 0; i < rank_; ++i) {
      int64_t& d = out.at(start + size_t(i));
      d = convOutputLength(d, poolSize_[size_t(i)], padding_, strides_[size_t(i)]);
    }
    return {out};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    if (padding_ == "causal") throw Error(getClassName() + ": causal padding is not supported by pooling.");
    return {tidy([&] {
      const Tensor& input = inputs[0];
      if (input.rank() != rank_ + 2)
        throw Error(getClassName() + " (layer " + name_ + "): expects an input of rank " +
                    std::to_string(rank_ + 2) + ", but received shape " + shapeToJsonString(input.shape()));
      if (rank_ == 1)
        return max_ ? maxPool1d(input, poolSize_[0], strides_[0], padding_)
                    : avgPool1d(input, poolSize_[0], strides_[0], padding_);
      const bool first = dataFormat_ == "channelsFirst";
      Tensor x = first ? toChannelsLast(input) : input;
      Tensor y;
      if (rank_ == 2) {
        Int2 p(poolSize_[0], poolSize_[1]), s(strides_[0], strides_[1]);
        y = max_ ? maxPool(x, p, s, padding_) : avgPool(x, p, s, padding_);
      } else {
        Int3 p(poolSize_[0], poolSize_[1], poolSize_[2]), s(strides_[0], strides_[1], strides_[2]);
        y = max_ ? maxPool3d(x, p, s, padding_) : avgPool3d(x, p, s, padding_);
      }
      return first ? toChannelsFirst(y) : y;
    })};
  }

  ConfigDict getConfig() const override {
    Json c{{"poolSize", poolSize_}, {"padding", padding_}, {"strides", strides_}};
    if (rank_ > 1) c["dataFormat"] = dataFormat_;
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  int rank_;
  bool max_;
  std::vector<int64_t> poolSize_, strides_;
  std::string padding_, dataFormat_;
};

layers::PoolingLayerArgs poolingArgsFromConfig(const Json& c) {
  layers::PoolingLayerArgs a = withBaseFromConfig(layers::PoolingLayerArgs{}, c);
  a.poolSize = sizeFromJson(c, "poolSize");
  a.strides = sizeFromJson(c, "strides");
  a.padding = str(c, "padding");
  a.dataFormat = str(c, "dataFormat");
  return a;
}

}  // namespace

namespace layers {
Layer maxPooling1d(PoolingLayerArgs args) { return Layer(std::make_shared<PoolingImpl>(1, true, args)); }
Layer maxPooling2d(PoolingLayerArgs args) { return Layer(std::make_shared<PoolingImpl>(2, true, args)); }
Layer maxPooling3d(PoolingLayerArgs args) { return Layer(std::make_shared<PoolingImpl>(3, true, args)); }
Layer averagePooling1d(PoolingLayerArgs args) { return Layer(std::make_shared<PoolingImpl>(1, false, args)); }
Layer averagePooling2d(PoolingLayerArgs args) { return Layer(std::make_shared<PoolingImpl>(2, false, args)); }
Layer averagePooling3d(PoolingLayerArgs args) { return Layer(std::make_shared<PoolingImpl>(3, false, args)); }
}  // namespace layers

EF_REGISTER_LAYER("MaxPooling1D", [](const ConfigDict& c) { return layers::maxPooling1d(poolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("MaxPooling2D", [](const ConfigDict& c) { return layers::maxPooling2d(poolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("MaxPooling3D", [](const ConfigDict& c) { return layers::maxPooling3d(poolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("AveragePooling1D",
                  [](const ConfigDict& c) { return layers::averagePooling1d(poolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("AveragePooling2D",
                  [](const ConfigDict& c) { return layers::averagePooling2d(poolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("AveragePooling3D",
                  [](const ConfigDict& c) { return layers::averagePooling3d(poolingArgsFromConfig(toJson(c))); });

}  // namespace edgeflow
