// Symbolic tensors and graph nodes of functional models.
#include "layers/node.h"

#include <algorithm>

#include "layers/common.h"

namespace edgeflow {

using namespace layers_internal;

SymbolicTensor::SymbolicTensor(std::shared_ptr<SymbolicTensorData> data) : data_(std::move(data)) {
  if (data_) owner_ = data_->sourceLayer.lock();
}

static const SymbolicTensorData& alive(const std::shared_ptr<SymbolicTensorData>& d) {
  if (!d) throw Error("SymbolicTensor: the handle is empty");
  return *d;
}

int64_t SymbolicTensor::id() const { return alive(data_).id; }
const std::string& SymbolicTensor::name() const { return alive(data_).name; }
DType SymbolicTensor::dtype() const { return alive(data_).dtype; }
const Shape& SymbolicTensor::shape() const { return alive(data_).shape; }
int SymbolicTensor::rank() const { return static_cast<int>(alive(data_).shape.size()); }
Layer SymbolicTensor::sourceLayer() const { return Layer(alive(data_).sourceLayer.lock()); }
int SymbolicTensor::nodeIndex() const { return alive(data_).nodeIndex; }
int SymbolicTensor::tensorIndex() const { return alive(data_).tensorIndex; }
std::string SymbolicTensor::toString() const {
  if (!data_) return "SymbolicTensor(undefined)";
  return "SymbolicTensor(name=" + data_->name + ", shape=" + shapeToJsonString(data_->shape) +
         ", dtype=" + dtypeName(data_->dtype) + ")";
}

SymbolicTensor makeSymbolicTensor(DType dtype, const Shape& shape, const std::shared_ptr<LayerImpl>& source,
                                  const std::vector<SymbolicTensor>& inputs, const std::string& name,
                                  int outputTensorIndex) {
  auto d = std::make_shared<SymbolicTensorData>();
  d->id = nextUniqueTensorId();
  d->dtype = dtype;
  d->shape = shape;
  d->sourceLayer = source;
  d->inputs = inputs;
  d->outputTensorIndex = outputTensorIndex;
  d->originalName = getScopedTensorName(name);
  d->name = getUniqueTensorName(d->originalName);
  return SymbolicTensor(d);
}

int64_t Node::nextId() {
  static int64_t next = 0;
  return next++;
}

std::shared_ptr<Node> addNode(LayerImpl* outbound, std::vector<std::shared_ptr<LayerImpl>> inboundLayers,
                              std::vector<int> nodeIndices, std::vector<int> tensorIndices,
                              std::vector<std::shared_ptr<SymbolicTensorData>> inputTensors,
                              std::vector<std::shared_ptr<SymbolicTensorData>> outputTensors,
                              std::vector<Shape> inputShapes, std::vector<Shape> outputShapes) {
  auto node = std::make_shared<Node>();
  node->id = Node::nextId();
  node->outboundLayer = outbound;
  node->inboundLayers = std::move(inboundLayers);
  node->nodeIndices = std::move(nodeIndices);
  node->tensorIndices = std::move(tensorIndices);
  node->inputTensors = std::move(inputTensors);
  node->outputTensors = std::move(outputTensors);
  node->inputShapes = std::move(inputShapes);
  node->outputShapes = std::move(outputShapes);
  for (auto& l : node->inboundLayers)
    if (l) l->outboundNodes_.push_back(node);
  outbound->inboundNodes_.push_back(node);
  return node;
}

std::vector<SymbolicTensor> handles(const std::vector<std::shared_ptr<SymbolicTensorData>>& data) {
  std::vector<SymbolicTensor> out;
  for (auto& d : data) out.emplace_back(d);
  return out;
}

std::vector<std::shared_ptr<SymbolicTensorData>> dataOf(const std::vector<SymbolicTensor>& tensors) {
  std::vector<std::shared_ptr<SymbolicTensorData>> out;
  for (auto& t : tensors) out.push_back(t.data());
  return out;
}

static void sourceInputs(const std::shared_ptr<SymbolicTensorData>& t, LayerImpl* layer, int nodeIndex,
                         std::vector<std::shared_ptr<SymbolicTensorData>>& out) {
  if (!layer || nodeIndex > 0) {
    auto src = t->sourceLayer.lock();
    layer = src.get();
    nodeIndex = t->nodeIndex;
  }
  auto add = [&](const std::shared_ptr<SymbolicTensorData>& x) {
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  };
  if (!layer || layer->inboundNodes_.empty()) {
    add(t);
    return;
  }
  const Node& node = *layer->inboundNodes_[size_t(nodeIndex)];
  if (node.inboundLayers.empty()) {
    for (auto& x : node.inputTensors) add(x);
    return;
  }
  for (size_t i = 0; i < node.inboundLayers.size(); ++i)
    sourceInputs(node.inputTensors[i], node.inboundLayers[i].get(), node.nodeIndices[i], out);
}

std::vector<SymbolicTensor> getSourceInputs(const SymbolicTensor& tensor) {
  std::vector<std::shared_ptr<SymbolicTensorData>> out;
  sourceInputs(tensor.data(), nullptr, 0, out);
  return handles(out);
}

}  // namespace edgeflow
