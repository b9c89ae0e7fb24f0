// tf.layers.globalAveragePooling1d/2d and globalMaxPooling1d/2d (tfjs-layers' GlobalPooling1D/2D).
#include "edgeflow/layers/pooling.h"
#include "edgeflow/ops/reduction.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class GlobalPoolingImpl : public LayerImpl {
 public:
  GlobalPoolingImpl(int rank, bool isMax, const layers::GlobalPoolingLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), rank_(rank), max_(isMax), dataFormat_(checkedDataFormat(a.dataFormat)) {
    InputSpec spec;
    spec.ndim = rank + 2;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override {
    return std::string(max_ ? "GlobalMaxPooling" : "GlobalAveragePooling") + (rank_ == 1 ? "1D" : "2D");
  }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    const Shape& s = shapes.at(0);
    if (int(s.size()) != rank_ + 2)
      throw Error(getClassName() + ": expected an input of rank " + std::to_string(rank_ + 2) + ", got shape " +
                  shapeToJsonString(s));
    const bool first = rank_ == 2 && dataFormat_ == "channelsFirst";
    return {Shape{s[0], first ? s[1] : s.back()}};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    const Tensor& x = inputs[0];
    if (x.rank() != rank_ + 2)
      throw Error(getClassName() + " (layer " + name_ + "): expected an input of rank " + std::to_string(rank_ + 2) +
                  ", got shape " + shapeToJsonString(x.shape()));
    std::vector<int64_t> axes = rank_ == 1 ? std::vector<int64_t>{1}
                                : dataFormat_ == "channelsFirst" ? std::vector<int64_t>{2, 3}
                                                                 : std::vector<int64_t>{1, 2};
    return {max_ ? max(x, axes) : mean(x, axes)};
  }
  ConfigDict getConfig() const override {
    Json c = Json::object();
    if (rank_ == 2) c["dataFormat"] = dataFormat_;
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  int rank_;
  bool max_;
  std::string dataFormat_;
};

layers::GlobalPoolingLayerArgs globalPoolingArgsFromConfig(const Json& c) {
  return withBaseFromConfig(layers::GlobalPoolingLayerArgs{.dataFormat = str(c, "dataFormat")}, c);
}

}  // namespace

namespace layers {
Layer globalAveragePooling1d(GlobalPoolingLayerArgs a) { return Layer(std::make_shared<GlobalPoolingImpl>(1, false, a)); }
Layer globalMaxPooling1d(GlobalPoolingLayerArgs a) { return Layer(std::make_shared<GlobalPoolingImpl>(1, true, a)); }
Layer globalAveragePooling2d(GlobalPoolingLayerArgs a) { return Layer(std::make_shared<GlobalPoolingImpl>(2, false, a)); }
Layer globalMaxPooling2d(GlobalPoolingLayerArgs a) { return Layer(std::make_shared<GlobalPoolingImpl>(2, true, a)); }
}  // namespace layers

EF_REGISTER_LAYER("GlobalAveragePooling1D",
                  [](const ConfigDict& c) { return layers::globalAveragePooling1d(globalPoolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("GlobalMaxPooling1D",
                  [](const ConfigDict& c) { return layers::globalMaxPooling1d(globalPoolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("GlobalAveragePooling2D",
                  [](const ConfigDict& c) { return layers::globalAveragePooling2d(globalPoolingArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("GlobalMaxPooling2D",
                  [](const ConfigDict& c) { return layers::globalMaxPooling2d(globalPoolingArgsFromConfig(toJson(c))); });

}  // namespace edgeflow
