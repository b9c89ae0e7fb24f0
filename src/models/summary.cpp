// model.summary(): the table tfjs-layers' printSummary prints.
#include <cmath>
#include <iostream>

#include "layers/common.h"
#include "layers/node.h"
#include "models/model_impl.h"

namespace edgeflow {

using namespace layers_internal;

namespace {

void printRow(const std::vector<std::string>& fields, const std::vector<int>& positions,
              const std::function<void(const std::string&)>& print) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line = line.substr(0, line.empty() ? 0 : line.size() - 1) + " ";
    line += fields[i];
    line = line.substr(0, size_t(positions[i]));
    line += std::string(size_t(positions[i]) - line.size(), ' ');
  }
  print(line);
}

std::string shapesJson(const std::vector<Shape>& shapes) {
  Json j = Json::array();
  for (auto& s : shapes) j.push_back(shapeToJson(s));
  return j.dump();
}

std::string inputShapeField(const LayerImpl& layer) {
  std::string out;
  for (size_t i = 0; i < layer.inboundNodes_.size(); ++i) {
    if (i) out += ',';
    out += shapesJson(layer.inboundNodes_[i]->inputShapes);
  }
  return out;
}

std::string outputShapeField(const LayerImpl& layer) {
  try {
    auto shapes = layer.outputShapes();
    return shapes.size() == 1 ? shapeToJsonString(shapes[0]) : shapesJson(shapes);
  } catch (const Error&) {
    return "multiple";
  }
}

bool isSequentialLike(const ContainerImpl& model) {
  std::vector<Node*> nodes;
  for (auto& [depth, depthNodes] : model.nodesByDepth_) {
    if (depthNodes.size() > 1 || (depthNodes.size() == 1 && depthNodes[0]->inboundLayers.size() > 1)) return false;
    nodes.insert(nodes.end(), depthNodes.begin(), depthNodes.end());
  }
  for (auto& layer : model.layers_) {  // a layer shared within the model
    int count = 0;
    for (auto& node : layer->inboundNodes_)
      if (std::find(nodes.begin(), nodes.end(), node.get()) != nodes.end()) ++count;
    if (count > 1) return false;
  }
  return true;
}

int64_t countWeights(const std::vector<LayerVariable>& weights) {
  int64_t n = 0;
  for (auto& w : weights) n += sizeFromShape(w.shape());
  return n;
}

}  // namespace

void LayersModelImpl::summary(std::optional<int> lineLength, std::vector<double> positions,
                              const std::function<void(const std::string&)>& printFn) {
  if (auto* seq = dynamic_cast<SequentialImpl*>(this); seq && !built_) seq->build({});
  if (!built_)
    throw Error("This model has never been called, thus its weights have not been created yet. So no summary can be "
                "displayed. Build the model first (e.g., by calling it on some test data).");
  auto print = printFn ? printFn : [](const std::string& s) { std::cout << s << "\n"; };
  bool sequentialLike = isSequentialLike(*this);
  std::vector<std::string> header{"Layer (type)", "Input Shape", "Output shape", "Param #"};
  int length = lineLength.value_or(sequentialLike ? 90 : 115);
  if (positions.empty())
    positions = sequentialLike ? std::vector<double>{0.32, 0.61, 0.89, 1} : std::vector<double>{0.24, 0.48, 0.70, 0.80, 1};
  std::vector<int> pos;
  for (double p : positions) pos.push_back(positions.back() <= 1 ? static_cast<int>(std::floor(length * p)) : int(p));
  std::vector<Node*> relevantNodes;
  if (!sequentialLike) {
    header.push_back("Receives inputs");
    for (auto& [depth, nodes] : nodesByDepth_) relevantNodes.insert(relevantNodes.end(), nodes.begin(), nodes.end());
  }
  print(std::string(size_t(length), '_'));
  printRow(header, pos, print);
  print(std::string(size_t(length), '='));
  for (size_t i = 0; i < layers_.size(); ++i) {
    LayerImpl& layer = *layers_[i];
    std::vector<std::string> fields{layer.name() + " (" + layer.getClassName() + ")", inputShapeField(layer),
                                    outputShapeField(layer), std::to_string(layer.countParams())};
    if (sequentialLike) {
      printRow(fields, pos, print);
    } else {
      std::vector<std::string> connections;
      for (auto& node : layer.inboundNodes_) {
        if (!relevantNodes.empty() &&
            std::find(relevantNodes.begin(), relevantNodes.end(), node.get()) == relevantNodes.end())
          continue;
        for (size_t j = 0; j < node->inboundLayers.size(); ++j)
          connections.push_back(node->inboundLayers[j]->name() + "[" + std::to_string(node->nodeIndices[j]) + "][" +
                                std::to_string(node->tensorIndices[j]) + "]");
      }
      fields.push_back(connections.empty() ? "" : connections[0]);
      printRow(fields, pos, print);
      for (size_t j = 1; j < connections.size(); ++j) printRow({"", "", "", "", connections[j]}, pos, print);
    }
    print(std::string(size_t(length), i + 1 == layers_.size() ? '=' : '_'));
  }
  if (collectedTrainableWeights_ && !collectedTrainableWeights_->empty()) checkTrainableWeightsConsistency();
  int64_t trainable =
      collectedTrainableWeights_ ? countWeights(*collectedTrainableWeights_) : countWeights(trainableWeights());
  int64_t nonTrainable = countWeights(nonTrainableWeights());
  print("Total params: " + std::to_string(trainable + nonTrainable));
  print("Trainable params: " + std::to_string(trainable));
  print("Non-trainable params: " + std::to_string(nonTrainable));
  print(std::string(size_t(length), '_'));
}

}  // namespace edgeflow
