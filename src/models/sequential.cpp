// tf.Sequential: a stack of single-input, single-output layers, trained through the functional
// model built from it (as tfjs-layers' models.ts).
#include "edgeflow/layers/config_json.h"
#include "layers/common.h"
#include "layers/input_layer.h"
#include "layers/node.h"
#include "models/model_impl.h"

namespace edgeflow {

using namespace layers_internal;

SequentialImpl::SequentialImpl(const SequentialArgs& args) : LayersModelImpl(ContainerArgs{}, "Sequential") {
  name_ = args.name.empty() ? getUid("sequential_") : args.name;
  trainable_ = true;
  built_ = false;
  inboundNodes_.clear();
  refCount_ = 1;
}

void SequentialImpl::checkShape(const LayerImpl& layer) const {
  const Shape& shape = layer.inboundNodes_[0]->outputTensors[0]->shape;
  for (int64_t d : shape)
    if (d < -1)
      throw Error("Negative dimension size caused by adding layer " + layer.name() + " with input shape [" +
                  shapeToJsonString(layer.inboundNodes_[0]->inputTensors[0]->shape) + "]");
}

void SequentialImpl::add(const Layer& layerHandle) {
  if (!layerHandle.defined()) throw Error("Sequential.add: the layer is undefined");
  auto layer = layerHandle.implPtr();
  auto* asModel = dynamic_cast<ContainerImpl*>(layer.get());
  if (asModel) {
    if (asModel->outputs_.size() != 1)
      throw Error("All layers in a Sequential model should have a single output tensor. For multi-output layers, use "
                  "the functional API.");
    if (asModel->inputs_.size() != 1)
      throw Error("All layers in a Sequential model should have a single input tensor. For multi-input layers, use "
                  "the functional API.");
  }
  if (outputs_.empty()) {
    if (layer->inboundNodes_.empty()) {
      if (!layer->batchInputShape_)
        throw Error("The first layer in a Sequential model must get an `inputShape` or `batchInputShape` argument.");
      SymbolicTensor x = input(InputConfig{.batchShape = *layer->batchInputShape_,
                                           .name = layer->name() + "_input",
                                           .dtype = layer->dtype_.value_or(DType::float32)});
      layer->apply(std::vector<SymbolicTensor>{x});
    }
    if (asModel) {
      outputs_ = asModel->outputs_;
      inputs_ = asModel->inputs_;
    } else {
      if (layer->inboundNodes_.size() != 1)
        throw Error("A layer added to a Sequential model must not already be connected somewhere else. LayersModel "
                    "received layer " +
                    layer->name() + " which has " + std::to_string(layer->inboundNodes_.size()) +
                    " pre-existing inbound connections.");
      if (layer->inboundNodes_[0]->outputTensors.size() != 1)
        throw Error("All layers in a Sequential model should have a single output tensor. For multi-output layers, "
                    "use the functional API.");
      checkShape(*layer);
      outputs_ = {SymbolicTensor(layer->inboundNodes_[0]->outputTensors[0])};
      inputs_ = getSourceInputs(outputs_[0]);
    }
    inboundNodes_.clear();
    std::vector<Shape> inShapes;
    for (auto& x : inputs_) inShapes.push_back(x.shape());
    addNode(this, {}, {}, {}, dataOf(inputs_), dataOf(outputs_), inShapes, {outputs_[0].shape()});
  } else {
    auto out = layer->apply(std::vector<SymbolicTensor>{outputs_[0]});
    if (out.size() != 1)
      throw Error("All layers in a Sequential model should have a single output tensor. For multi-output layers, use "
                  "the functional API.");
    checkShape(*layer);
    outputs_ = {out[0]};
    inboundNodes_[0]->outputTensors = dataOf(outputs_);
    inboundNodes_[0]->outputShapes = {outputs_[0].shape()};
  }
  layers_.push_back(layer);
  built_ = false;
}

void SequentialImpl::pop() {
  if (layers_.empty()) throw Error("There are no layers in the model.");
  layers_.pop_back();
  if (layers_.empty()) {
    outputs_.clear();
    inboundNodes_.clear();
    outboundNodes_.clear();
  } else {
    auto& last = layers_.back();
    last->outboundNodes_.clear();
    outputs_ = {Layer(last).output()};
    inboundNodes_[0]->outputTensors = dataOf(outputs_);
    inboundNodes_[0]->outputShapes = {outputs_[0].shape()};
  }
  built_ = false;
}

void SequentialImpl::build(const std::vector<Shape>&) {
  if (inputs_.empty() || outputs_.empty())
    throw Error("Sequential model cannot be built: model is empty. Add some layers first.");
  model_ = std::make_shared<LayersModelImpl>(ContainerArgs{inputs_, {outputs_[0]}, name_ + "_model"});
  model_->setTrainable(trainable_);
  inputLayers_ = model_->inputLayers_;
  inputLayersNodeIndices_ = model_->inputLayersNodeIndices_;
  inputLayersTensorIndices_ = model_->inputLayersTensorIndices_;
  outputLayers_ = model_->outputLayers_;
  outputLayersNodeIndices_ = model_->outputLayersNodeIndices_;
  outputLayersTensorIndices_ = model_->outputLayersTensorIndices_;
  nodesByDepth_ = model_->nodesByDepth_;
  containerNodes_ = model_->containerNodes_;
  outputNames_ = model_->outputNames_;
  inputNames_ = model_->inputNames_;
  feedInputNames_ = model_->feedInputNames_;
  feedInputShapes_ = model_->feedInputShapes_;
  internalInputShapes_ = model_->internalInputShapes_;
  internalOutputShapes_ = model_->internalOutputShapes_;
  built_ = true;
}

void SequentialImpl::ensureBuilt() {
  if (!model_ || !built_) build({});
}

std::vector<Tensor> SequentialImpl::call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) {
  ensureBuilt();
  return model_->call(inputs, kwargs);
}

int64_t SequentialImpl::countParams() {
  ensureBuilt();
  return LayersModelImpl::countParams();
}

void SequentialImpl::setWeights(const std::vector<Tensor>& weights) {
  ensureBuilt();
  model_->setWeights(weights);
}

ConfigDict SequentialImpl::getConfig() const {
  Json layers = Json::array();
  for (auto& l : layers_) layers.push_back(Json{{"className", l->getClassName()}, {"config", toJson(l->getConfig())}});
  return fromJson(Json{{"name", name_}, {"layers", layers}});
}

void SequentialImpl::compile(const ModelCompileArgs& args) {
  build({});
  model_->compile(args);
  compileArgs_ = args;
  optimizer_ = model_->optimizer_;
  isOptimizerOwned_ = model_->isOptimizerOwned_;
  metricsNames_ = model_->metricsNames_;
}

static void requireCompiled(bool built) {
  if (!built) throw Error("The model needs to be compiled before being used.");
}

History SequentialImpl::fit(const ModelData& x, const ModelData& y, const ModelFitArgs& args) {
  requireCompiled(built_ && model_);
  return model_->fit(x, y, args);
}

std::vector<Tensor> SequentialImpl::evaluate(const ModelData& x, const ModelData& y, const ModelEvaluateArgs& args) {
  requireCompiled(built_ && model_);
  return model_->evaluate(x, y, args);
}

std::vector<Tensor> SequentialImpl::predict(const ModelData& x, const ModelPredictArgs& args) {
  ensureBuilt();
  return model_->predict(x, args);
}

std::vector<Tensor> SequentialImpl::predictOnBatch(const ModelData& x) {
  ensureBuilt();
  return model_->predictOnBatch(x);
}

std::vector<double> SequentialImpl::trainOnBatch(const ModelData& x, const ModelData& y) {
  requireCompiled(built_ && model_);
  return model_->trainOnBatch(x, y);
}

bool SequentialImpl::stopTraining() const {
  if (!model_)
    throw Error("Cannot get the stopTraining property of a sequential model before it is compiled.");
  return model_->stopTraining();
}

void SequentialImpl::setStopTraining(bool stop) {
  if (!model_)
    throw Error("Cannot set the stopTraining property of a sequential model before it is compiled.");
  model_->setStopTraining(stop);
}

train::OptimizerPtr SequentialImpl::optimizer() const { return model_ ? model_->optimizer() : nullptr; }

void SequentialImpl::setOptimizer(const train::OptimizerPtr& optimizer) {
  ensureBuilt();
  model_->setOptimizer(optimizer);
  optimizer_ = optimizer;
}

std::vector<std::string> SequentialImpl::metricsNames() const {
  return model_ ? model_->metricsNames() : std::vector<std::string>{};
}

bool SequentialImpl::isTraining() const { return model_ && model_->isTraining(); }

}  // namespace edgeflow
