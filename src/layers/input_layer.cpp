// InputLayer and tf.input, as tfjs-layers' engine/input_layer.
#include "layers/input_layer.h"

#include "edgeflow/layers/config_json.h"
#include "edgeflow/models.h"
#include "layers/common.h"
#include "layers/node.h"

namespace edgeflow {

using namespace layers_internal;

InputLayerImpl::InputLayerImpl(const layers::InputLayerArgs& args)
    : LayerImpl(LayerArgs{.dtype = args.dtype, .name = args.name.empty() ? getUid("input") : args.name}) {
  trainable_ = false;
  built_ = true;
  sparse = args.sparse;
  if (!args.inputShape.empty() && !args.batchInputShape.empty())
    throw Error("Only provide the inputShape OR batchInputShape argument to inputLayer, not both at the same time.");
  Shape batchInputShape = args.batchInputShape;
  if (batchInputShape.empty()) {
    if (args.inputShape.empty())
      throw Error("An InputLayer should be passed either a `batchInputShape` or an `inputShape`.");
    batchInputShape = {args.batchSize.value_or(-1)};
    batchInputShape.insert(batchInputShape.end(), args.inputShape.begin(), args.inputShape.end());
  } else if (args.batchSize) {
    throw Error("Cannot specify batchSize if batchInputShape is specified when creating an InputLayer.");
  }
  batchInputShape_ = batchInputShape;
  dtype_ = args.dtype.value_or(DType::float32);
  InputSpec spec;
  spec.shape = batchInputShape;
  inputSpec_ = {spec};
}

std::shared_ptr<InputLayerImpl> InputLayerImpl::create(const layers::InputLayerArgs& args) {
  std::shared_ptr<InputLayerImpl> layer(new InputLayerImpl(args));
  SymbolicTensor t = makeSymbolicTensor(*layer->dtype_, *layer->batchInputShape_, layer, {}, layer->name_);
  addNode(layer.get(), {}, {}, {}, {t.data()}, {t.data()}, {*layer->batchInputShape_}, {*layer->batchInputShape_});
  return layer;
}

std::vector<Tensor> InputLayerImpl::apply(const std::vector<Tensor>&, const Kwargs&) {
  throw Error("Cannot pass any input to an InputLayer's apply() method. InputLayer name: " + name_);
}
std::vector<SymbolicTensor> InputLayerImpl::apply(const std::vector<SymbolicTensor>&, const Kwargs&) {
  throw Error("Cannot pass any input to an InputLayer's apply() method. InputLayer name: " + name_);
}

DisposeResult InputLayerImpl::dispose() { return DisposeResult{refCount_.value_or(0), 0}; }

ConfigDict InputLayerImpl::getConfig() const {
  return fromJson(Json{{"batchInputShape", shapeToJson(*batchInputShape_)},
                       {"dtype", dtypeName(*dtype_)},
                       {"sparse", sparse},
                       {"name", name_}});
}

namespace layers {
Layer inputLayer(InputLayerArgs args) { return Layer(InputLayerImpl::create(args)); }
}  // namespace layers

SymbolicTensor input(InputConfig config) {
  if (config.batchShape.empty() && config.shape.empty())
    throw Error("Please provide to Input either a `shape` or a `batchShape` argument. Note that `shape` does not "
                "include the batch dimension.");
  if (!config.batchShape.empty() && !config.shape.empty())
    throw Error("Please provide either a `shape` or `batchShape` argument to Input, but not both.");
  Shape batchShape = config.batchShape;
  if (batchShape.empty()) {
    batchShape = {-1};
    batchShape.insert(batchShape.end(), config.shape.begin(), config.shape.end());
  }
  auto layer = InputLayerImpl::create(layers::InputLayerArgs{.batchInputShape = batchShape,
                                                             .dtype = config.dtype.value_or(DType::float32),
                                                             .sparse = config.sparse,
                                                             .name = config.name});
  return SymbolicTensor(layer->inboundNodes_[0]->outputTensors[0]);
}

}  // namespace edgeflow
