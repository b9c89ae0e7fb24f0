// The functional graph: SymbolicTensorData and Node (one call of a layer). Internal.
//
// Ownership runs downstream -> upstream only, so graphs have no reference cycles: a layer owns its
// inbound nodes, a node owns the layers that feed it, a symbolic tensor owns its source layer and
// the inputs of the call that made it. Outbound links are weak.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow {

struct SymbolicTensorData {
  int64_t id = 0;
  std::string name;
  std::string originalName;
  DType dtype = DType::float32;
  Shape shape;
  std::weak_ptr<LayerImpl> sourceLayer;
  std::vector<SymbolicTensor> inputs;  // the inputs of the call that produced it
  int outputTensorIndex = -1;          // -1 when the call has one output
  int nodeIndex = 0;
  int tensorIndex = 0;
};

// Makes a symbolic tensor produced by `source` (named after it, unique).
SymbolicTensor makeSymbolicTensor(DType dtype, const Shape& shape, const std::shared_ptr<LayerImpl>& source,
                                  const std::vector<SymbolicTensor>& inputs, const std::string& name,
                                  int outputTensorIndex = -1);

class Node {
 public:
  static int64_t nextId();

  int64_t id = 0;
  LayerImpl* outboundLayer = nullptr;  // the owner
  std::vector<std::shared_ptr<LayerImpl>> inboundLayers;
  std::vector<int> nodeIndices;
  std::vector<int> tensorIndices;
  std::vector<std::shared_ptr<SymbolicTensorData>> inputTensors;
  std::vector<std::shared_ptr<SymbolicTensorData>> outputTensors;
  std::vector<Shape> inputShapes;
  std::vector<Shape> outputShapes;
};

// Creates a node owned by outbound and links it to its inbound layers (TF.js's new Node(...)).
std::shared_ptr<Node> addNode(LayerImpl* outbound, std::vector<std::shared_ptr<LayerImpl>> inboundLayers,
                              std::vector<int> nodeIndices, std::vector<int> tensorIndices,
                              std::vector<std::shared_ptr<SymbolicTensorData>> inputTensors,
                              std::vector<std::shared_ptr<SymbolicTensorData>> outputTensors,
                              std::vector<Shape> inputShapes, std::vector<Shape> outputShapes);

// Handles for a node's tensors.
std::vector<SymbolicTensor> handles(const std::vector<std::shared_ptr<SymbolicTensorData>>& data);
std::vector<std::shared_ptr<SymbolicTensorData>> dataOf(const std::vector<SymbolicTensor>& tensors);

// The input tensors (of InputLayers) a symbolic tensor is computed from (TF.js's getSourceInputs).
std::vector<SymbolicTensor> getSourceInputs(const SymbolicTensor& tensor);

}  // namespace edgeflow
