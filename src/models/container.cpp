// Container: a graph of layers, as tfjs-layers' engine/container (graph analysis, weights,
// running on tensors, configs, disposal).
#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/layers/config_json.h"
#include "layers/common.h"
#include "layers/input_layer.h"
#include "layers/node.h"
#include "models/executor.h"
#include "models/model_impl.h"

namespace edgeflow {

using namespace layers_internal;

ContainerImpl::ContainerImpl(const std::string& className) : LayerImpl(LayerArgs{}), className_(className) {}

ContainerImpl::ContainerImpl(const ContainerArgs& args, const std::string& className)
    : LayerImpl(LayerArgs{}), className_(className) {
  std::string lower = className;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  name_ = args.name.empty() ? getUid(lower) : args.name;
  initGraph(args.inputs, args.outputs);
}

std::string ContainerImpl::nodeKey(const LayerImpl& layer, int nodeIndex) {
  return layer.name() + "_ib-" + std::to_string(nodeIndex);
}

void ContainerImpl::initGraph(const std::vector<SymbolicTensor>& inputs, const std::vector<SymbolicTensor>& outputs) {
  trainable_ = true;
  for (size_t i = 0; i < inputs.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (inputs[i] == inputs[j]) {
        std::vector<std::string> names;
        for (auto& x : inputs) names.push_back(x.name());
        throw Error("The list of inputs passed to the model is redundant. All inputs should only appear once. Found: " +
                    joinNames(names));
      }
  inputs_ = inputs;
  outputs_ = outputs;
  inputLayers_.clear();
  outputLayers_.clear();
  inputLayersNodeIndices_.clear();
  inputLayersTensorIndices_.clear();
  outputLayersNodeIndices_.clear();
  outputLayersTensorIndices_.clear();
  layers_.clear();
  internalContainerRefs_.clear();
  for (auto& x : outputs_) {
    outputLayers_.push_back(x.data()->sourceLayer.lock());
    outputLayersNodeIndices_.push_back(x.nodeIndex());
    outputLayersTensorIndices_.push_back(x.tensorIndex());
  }
  for (auto& x : inputs_) {
    if (x.nodeIndex() != 0 || x.tensorIndex() != 0) throw Error("input layer has >1 nodes or tensors");
    inputLayers_.push_back(x.data()->sourceLayer.lock());
    inputLayersNodeIndices_.push_back(x.nodeIndex());
    inputLayersTensorIndices_.push_back(x.tensorIndex());
  }
  inputNames_.clear();
  outputNames_.clear();
  feedInputShapes_.clear();
  feedInputNames_.clear();
  for (size_t i = 0; i < inputLayers_.size(); ++i) {
    auto& layer = inputLayers_[i];
    if (!dynamic_cast<InputLayerImpl*>(layer.get()))
      throw Error("Input layers to a LayersModel must be InputLayer objects. Input " + std::to_string(i) +
                  " (0-based) originates from layer type " + layer->getClassName() + ".");
    inputNames_.push_back(layer->name());
    feedInputShapes_.push_back(*layer->batchInputShape_);
    feedInputNames_.push_back(layer->name());
  }
  for (auto& layer : outputLayers_) outputNames_.push_back(layer->name());
  internalInputShapes_.clear();
  internalOutputShapes_.clear();
  for (auto& x : inputs_) internalInputShapes_.push_back(x.shape());
  for (auto& x : outputs_) internalOutputShapes_.push_back(x.shape());

  // Depth-first walk from the outputs: which nodes and layers belong to the graph.
  containerNodes_.clear();
  std::map<LayerImpl*, int> layerIndices;
  std::vector<Node*> nodesInDecreasingDepth, finished, inProgress;
  std::function<void(const SymbolicTensorData&, LayerImpl*, int)> walk = [&](const SymbolicTensorData& tensor,
                                                                             LayerImpl* layer, int nodeIndex) {
    Node* node = layer->inboundNodes_.at(size_t(nodeIndex)).get();
    if (std::find(inProgress.begin(), inProgress.end(), node) != inProgress.end())
      throw Error("The tensor " + tensor.name + " at layer \"" + layer->name() + "\" is part of a cycle.");
    if (std::find(finished.begin(), finished.end(), node) != finished.end()) return;
    containerNodes_.insert(nodeKey(*layer, nodeIndex));
    if (!layerIndices.count(layer)) layerIndices[layer] = static_cast<int>(layerIndices.size());
    inProgress.push_back(node);
    for (size_t i = 0; i < node->inboundLayers.size(); ++i)
      walk(*node->inputTensors[i], node->inboundLayers[i].get(), node->nodeIndices[i]);
    finished.push_back(node);
    inProgress.erase(std::remove(inProgress.begin(), inProgress.end(), node), inProgress.end());
    nodesInDecreasingDepth.push_back(node);
  };
  for (auto& x : outputs_) walk(*x.data(), x.data()->sourceLayer.lock().get(), x.nodeIndex());

  std::map<int64_t, int> nodesDepths;
  std::map<int64_t, Node*> nodeIdToNode;
  std::map<int64_t, int> layersDepths;  // by layer id
  std::map<int64_t, std::shared_ptr<LayerImpl>> layerIdToLayer;
  for (auto it = nodesInDecreasingDepth.rbegin(); it != nodesInDecreasingDepth.rend(); ++it) {
    Node* node = *it;
    nodeIdToNode[node->id] = node;
    int depth = nodesDepths.count(node->id) ? nodesDepths[node->id] : 0;
    LayerImpl* outbound = node->outboundLayer;
    int previous = layersDepths.count(outbound->id()) ? layersDepths[outbound->id()] : 0;
    depth = std::max(depth, previous);
    layersDepths[outbound->id()] = depth;
    layerIdToLayer[outbound->id()] = outbound->self();
    nodesDepths[node->id] = depth;
    for (size_t i = 0; i < node->inboundLayers.size(); ++i) {
      Node* inbound = node->inboundLayers[i]->inboundNodes_.at(size_t(node->nodeIndices[i])).get();
      int prev = nodesDepths.count(inbound->id) ? nodesDepths[inbound->id] : 0;
      nodesDepths[inbound->id] = std::max(depth + 1, prev);
      nodeIdToNode[inbound->id] = inbound;
    }
  }
  nodesByDepth_.clear();
  for (auto& [id, depth] : nodesDepths) nodesByDepth_[depth].push_back(nodeIdToNode[id]);
  std::map<int, std::vector<std::shared_ptr<LayerImpl>>> layersByDepth;
  for (auto& [id, depth] : layersDepths) layersByDepth[depth].push_back(layerIdToLayer[id]);
  for (auto it = layersByDepth.rbegin(); it != layersByDepth.rend(); ++it) {
    auto layersForDepth = it->second;
    std::stable_sort(layersForDepth.begin(), layersForDepth.end(),
                     [&](const auto& a, const auto& b) { return layerIndices[a.get()] < layerIndices[b.get()]; });
    for (auto& layer : layersForDepth) {
      if (dynamic_cast<ContainerImpl*>(layer.get())) internalContainerRefs_.push_back(layer);
      layers_.push_back(layer);
    }
  }

  // Every node's inputs must be computable from the model's inputs.
  std::vector<const SymbolicTensorData*> computable;
  for (auto& x : inputs_) computable.push_back(x.data().get());
  std::vector<std::string> layersWithCompleteInput;
  for (auto it = nodesByDepth_.rbegin(); it != nodesByDepth_.rend(); ++it)
    for (Node* node : it->second) {
      for (auto& x : node->inputTensors)
        if (std::find(computable.begin(), computable.end(), x.get()) == computable.end())
          throw Error("Graph disconnected: cannot obtain value for tensor " + x->name + " at layer \"" +
                      node->outboundLayer->name() + "\". The following previous layers were accessed without issue: " +
                      joinNames(layersWithCompleteInput));
      for (auto& x : node->outputTensors) computable.push_back(x.get());
      layersWithCompleteInput.push_back(node->outboundLayer->name());
    }

  std::vector<std::string> allNames;
  for (auto& l : layers_) allNames.push_back(l->name());
  for (auto& n : allNames) {
    auto count = std::count(allNames.begin(), allNames.end(), n);
    if (count != 1)
      throw Error("The name \"" + n + "\" is used " + std::to_string(count) +
                  " times in the model. All layer names should be unique. Layer names: " + joinNames(allNames));
  }

  outboundNodes_.clear();
  inboundNodes_.clear();
  std::vector<Shape> inShapes, outShapes;
  for (auto& x : inputs_) inShapes.push_back(x.shape());
  for (auto& x : outputs_) outShapes.push_back(x.shape());
  addNode(this, {}, {}, {}, dataOf(inputs_), dataOf(outputs_), inShapes, outShapes);
  built_ = true;
  refCount_ = 1;
}

void ContainerImpl::setTrainable(bool trainable) {
  for (auto& layer : layers_)
    for (auto& w : layer->trainableWeights_) w.setTrainable(trainable);
  trainable_ = trainable;
}

std::vector<LayerVariable> ContainerImpl::trainableWeights() const {
  if (!trainableWeights_.empty())
    throw Error("Container instance unexpectedly contains _trainableWeights.The trainable weights of a Container are a "
                "union of the trainable weights of its consituent Layers. Its own _trainableWeights must remain an "
                "empty Array.");
  std::vector<LayerVariable> out;
  if (!trainable_) return out;
  for (auto& layer : layers_) {
    auto w = layer->trainableWeights();
    out.insert(out.end(), w.begin(), w.end());
  }
  return out;
}

std::vector<LayerVariable> ContainerImpl::nonTrainableWeights() const {
  std::vector<LayerVariable> out;
  for (auto& layer : layers_) {
    auto w = layer->nonTrainableWeights();
    out.insert(out.end(), w.begin(), w.end());
  }
  if (trainable_) return out;
  std::vector<LayerVariable> all;
  for (auto& layer : layers_) {
    auto w = layer->trainableWeights();
    all.insert(all.end(), w.begin(), w.end());
  }
  all.insert(all.end(), out.begin(), out.end());
  return all;
}

std::vector<Tensor> ContainerImpl::call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) {
  return tidy([&] {
    if (inputs.size() != inputs_.size())
      throw Error("Model " + name_ + " expects " + std::to_string(inputs_.size()) + " input(s), but it received " +
                  std::to_string(inputs.size()) + ".");
    FeedDict feeds;
    for (size_t i = 0; i < inputs_.size(); ++i) feeds.add(inputs_[i], inputs[i]);
    return execute(outputs_, feeds, kwargs);
  });
}

std::vector<Shape> ContainerImpl::computeOutputShape(const std::vector<Shape>& inputShapes) {
  if (inputShapes.size() != inputLayers_.size())
    throw Error("Invalid inputShape argument: model has " + std::to_string(inputLayers_.size()) + " tensor inputs.");
  std::map<std::string, Shape> shapes;
  for (size_t i = 0; i < inputShapes.size(); ++i) shapes[inputLayers_[i]->name() + "_0_0"] = inputShapes[i];
  if (nodesByDepth_.size() > 1)
    for (auto it = nodesByDepth_.rbegin(); it != nodesByDepth_.rend(); ++it)
      for (Node* node : it->second) {
        LayerImpl* layer = node->outboundLayer;
        bool isInput = false;
        for (auto& l : inputLayers_) isInput = isInput || l.get() == layer;
        if (isInput) continue;
        std::vector<Shape> in;
        for (size_t j = 0; j < node->inboundLayers.size(); ++j)
          in.push_back(shapes[node->inboundLayers[j]->name() + "_" + std::to_string(node->nodeIndices[j]) + "_" +
                              std::to_string(node->tensorIndices[j])]);
        auto out = layer->computeOutputShape(in);
        int nodeIndex = 0;
        for (size_t k = 0; k < layer->inboundNodes_.size(); ++k)
          if (layer->inboundNodes_[k].get() == node) nodeIndex = static_cast<int>(k);
        for (size_t j = 0; j < out.size(); ++j)
          shapes[layer->name() + "_" + std::to_string(nodeIndex) + "_" + std::to_string(j)] = out[j];
      }
  std::vector<Shape> result;
  for (size_t i = 0; i < outputLayers_.size(); ++i) {
    std::string key = outputLayers_[i]->name() + "_" + std::to_string(outputLayersNodeIndices_[i]) + "_" +
                      std::to_string(outputLayersTensorIndices_[i]);
    if (!shapes.count(key)) throw Error("computeOutputShape: no shape for " + key);
    result.push_back(shapes[key]);
  }
  return result;
}

std::vector<Tensor> ContainerImpl::calculateLosses() {
  std::vector<Tensor> out;
  for (auto& layer : layers_)
    for (size_t n = 0; n < layer->inboundNodes_.size(); ++n)
      if (containerNodes_.count(nodeKey(*layer, static_cast<int>(n)))) {
        auto l = layer->calculateLosses();
        out.insert(out.end(), l.begin(), l.end());
      }
  return out;
}

bool ContainerImpl::stateful() const {
  for (auto& layer : layers_)
    if (layer->stateful()) return true;
  return false;
}

void ContainerImpl::resetStates() {
  for (auto& layer : layers_)
    if (layer->stateful()) layer->resetStates();
}

DisposeResult ContainerImpl::dispose() {
  if (refCount_ && *refCount_ == 0) throw Error("Container '" + name_ + "' is already disposed.");
  DisposeResult r;
  refCount_ = refCount_.value_or(1) - 1;
  if (*refCount_ == 0) {
    for (auto& layer : layers_) r.numDisposedVariables += layer->dispose().numDisposedVariables;
    for (auto& c : internalContainerRefs_) r.numDisposedVariables += c->dispose().numDisposedVariables;
  }
  r.refCountAfterDispose = *refCount_;
  return r;
}

std::shared_ptr<LayerImpl> ContainerImpl::getLayer(const std::string& name) const {
  for (auto& layer : layers_)
    if (layer->name() == name) return layer;
  throw Error("No such layer: " + name);
}

std::shared_ptr<LayerImpl> ContainerImpl::getLayer(int index) const {
  if (index < 0 || static_cast<size_t>(index) >= layers_.size())
    throw Error("Was asked to retrieve layer at index " + std::to_string(index) + ", but model only has " +
                std::to_string(layers_.size()) + " layer(s).");
  return layers_[size_t(index)];
}

std::map<std::string, int> ContainerImpl::buildNodeConversionMap() const {
  std::map<std::string, int> m;
  for (auto& layer : layers_) {
    int kept = dynamic_cast<ContainerImpl*>(layer.get()) ? 1 : 0;
    for (size_t i = 0; i < layer->inboundNodes_.size(); ++i) {
      std::string key = nodeKey(*layer, static_cast<int>(i));
      if (containerNodes_.count(key)) m[key] = kept++;
    }
  }
  return m;
}

ConfigDict ContainerImpl::getConfig() const {
  auto conversion = buildNodeConversionMap();
  auto newIndex = [&](const std::string& key) {
    auto it = conversion.find(key);
    return it == conversion.end() ? 0 : it->second;
  };
  Json layerConfigs = Json::array();
  for (auto& layer : layers_) {
    Json inbound = Json::array();
    for (size_t n = 0; n < layer->inboundNodes_.size(); ++n) {
      if (!containerNodes_.count(nodeKey(*layer, static_cast<int>(n)))) continue;
      const Node& node = *layer->inboundNodes_[n];
      if (node.inboundLayers.empty()) continue;
      Json nodeData = Json::array();
      for (size_t i = 0; i < node.inboundLayers.size(); ++i)
        nodeData.push_back(Json::array({node.inboundLayers[i]->name(),
                                        newIndex(nodeKey(*node.inboundLayers[i], node.nodeIndices[i])),
                                        node.tensorIndices[i], Json::object()}));
      inbound.push_back(nodeData);
    }
    layerConfigs.push_back(Json{{"name", layer->name()},
                                {"className", layer->getClassName()},
                                {"config", toJson(layer->getConfig())},
                                {"inboundNodes", inbound}});
  }
  auto ends = [&](const auto& layers, const auto& nodeIndices, const auto& tensorIndices) {
    Json out = Json::array();
    for (size_t i = 0; i < layers.size(); ++i) {
      std::string key = nodeKey(*layers[i], nodeIndices[i]);
      if (!containerNodes_.count(key)) continue;
      out.push_back(Json::array({layers[i]->name(), newIndex(key), tensorIndices[i]}));
    }
    return out;
  };
  return fromJson(Json{{"name", name_},
                       {"layers", layerConfigs},
                       {"inputLayers", ends(inputLayers_, inputLayersNodeIndices_, inputLayersTensorIndices_)},
                       {"outputLayers", ends(outputLayers_, outputLayersNodeIndices_, outputLayersTensorIndices_)}});
}

}  // namespace edgeflow
