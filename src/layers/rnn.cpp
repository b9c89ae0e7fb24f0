// tf.layers.rnn (tfjs-layers' RNN): runs a cell step by step over the time axis with ops, so
// gradients flow through time by autograd. SimpleRNN, GRU and LSTM are this layer over their cell.
#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/rnn_cell.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace layers_internal {

namespace {
const std::vector<std::string> kCellClasses{"GRUCell", "LSTMCell", "SimpleRNNCell", "StackedRNNCells"};

std::vector<Tensor> tail(const std::vector<Tensor>& v) { return {v.begin() + 1, v.end()}; }
}  // namespace

std::shared_ptr<RNNCellImpl> cellOf(const Layer& layer, const std::string& who) {
  if (!layer.defined()) throw Error(who + ": the cell is missing (args.cell)");
  auto cell = std::dynamic_pointer_cast<RNNCellImpl>(layer.implPtr());
  if (!cell)
    throw Error(who + ": " + layer.getClassName() + " " + layer.name() + " is not an RNN cell; valid cells are " +
                joinNames(kCellClasses));
  return cell;
}

void checkStateShapes(const std::vector<Tensor>& states, int64_t batch, const std::vector<int64_t>& sizes,
                      const std::string& who, const std::string& what) {
  for (size_t i = 0; i < states.size(); ++i) {
    Shape want{batch, sizes.at(i)};
    if (states[i].shape() != want)
      throw Error(who + ": " + what + " " + std::to_string(i) + " has shape " + shapeToJsonString(states[i].shape()) +
                  ", expected " + shapeToJsonString(want));
  }
}

std::vector<Tensor> RNNCellImpl::call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) {
  const std::string who = getClassName() + " " + name_;
  const std::vector<int64_t> sizes = stateSize();
  if (inputs.size() != sizes.size() + 1)
    throw Error(who + ": expects " + std::to_string(sizes.size() + 1) + " input tensors (the input and " +
                std::to_string(sizes.size()) + " state(s)), got " + std::to_string(inputs.size()));
  if (inputs[0].rank() != 2)
    throw Error(who + ": expects the input of one step as [batch, features], got shape " +
                shapeToJsonString(inputs[0].shape()));
  checkStateShapes(tail(inputs), inputs[0].shape()[0], sizes, who, "state");
  resetDropoutMasks();
  std::vector<Tensor> out = tidy([&] { return step(inputs, kwargs.training); });
  resetDropoutMasks();
  return out;
}

std::vector<Shape> RNNCellImpl::computeOutputShape(const std::vector<Shape>& inputShapes) {
  const int64_t batch = inputShapes.at(0).empty() ? -1 : inputShapes[0][0];
  const std::vector<int64_t> sizes = stateSize();
  std::vector<Shape> out{{batch, sizes.at(0)}};
  for (int64_t s : sizes) out.push_back({batch, s});
  return out;
}

RNNImpl::RNNImpl(std::string className, const LayerArgs& args, std::shared_ptr<RNNCellImpl> cell,
                 const RNNOptions& options)
    : LayerImpl(args), className_(std::move(className)), cell_(std::move(cell)), options_(options) {
  if (options_.stateful) throw Error(className_ + ": stateful recurrent layers are not supported yet.");
  supportsMasking_ = true;
  InputSpec spec;
  spec.ndim = 3;
  inputSpec_ = {spec};
}

void RNNImpl::build(const std::vector<Shape>& shapes) {
  checkInputCount(shapes.size());
  const Shape& s = shapes[0];
  if (s.size() != 3)
    throw Error("Input 0 is incompatible with layer " + name_ + ": expected ndim=3, found ndim=" +
                std::to_string(s.size()) + " (shape " + shapeToJsonString(s) + ")");
  const int64_t inputDim = s[2];
  if (inputDim < 0) throw Error(className_ + " " + name_ + ": the last input dimension must be known");
  if (!cell_->built_) {  // in this layer's name scope: the weights are <layer>/kernel, ...
    cell_->build({{s[0], inputDim}});
    cell_->built_ = true;
  }
  InputSpec spec;
  spec.shape = {-1, -1, inputDim};
  inputSpec_ = {spec};
  withStateSpecs(shapes.size());
  built_ = true;
}

// Initial states come as extra inputs: the input specs follow how many there are (TF.js's
// RNN.apply swaps its inputSpec the same way).
std::vector<Tensor> RNNImpl::apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs) {
  withStateSpecs(inputs.size());
  return LayerImpl::apply(inputs, kwargs);
}
std::vector<SymbolicTensor> RNNImpl::apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) {
  withStateSpecs(inputs.size());
  return LayerImpl::apply(inputs, kwargs);
}

std::vector<Shape> RNNImpl::computeOutputShape(const std::vector<Shape>& shapes) {
  const Shape& s = shapes.at(0);
  const std::vector<int64_t> sizes = cell_->stateSize();
  std::vector<Shape> out{options_.returnSequences ? Shape{s[0], s[1], sizes[0]} : Shape{s[0], sizes[0]}};
  if (options_.returnState)
    for (int64_t size : sizes) out.push_back({s[0], size});
  return out;
}

std::vector<Tensor> RNNImpl::call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) {
  checkInputCount(inputs.size());
  return tidy([&] {
    const Tensor& x = inputs[0];
    if (x.rank() != 3) throw Error("Input should be at least 3D, but is " + std::to_string(x.rank()) + "D.");
    const int64_t batch = x.shape()[0];
    const std::vector<int64_t> sizes = cell_->stateSize();
    std::vector<Tensor> states = tail(inputs);
    checkStateShapes(states, batch, sizes, className_ + " " + name_, "initial state");
    if (states.empty())
      for (int64_t size : sizes) states.push_back(zeros({batch, size}));
    std::vector<Tensor> steps = unstack(x, 1);  // [batch, features] per time step
    std::vector<Tensor> keep = stepMasks(kwargs.mask, x.shape());
    if (options_.goBackwards) {
      std::reverse(steps.begin(), steps.end());
      std::reverse(keep.begin(), keep.end());
    }
    std::vector<Tensor> outputs;
    Tensor last = states[0];
    cell_->resetDropoutMasks();
    for (size_t t = 0; t < steps.size(); ++t) {
      std::vector<Tensor> stepInputs{steps[t]};
      stepInputs.insert(stepInputs.end(), states.begin(), states.end());
      std::vector<Tensor> out = cell_->step(stepInputs, kwargs.training);
      if (!keep.empty()) {  // a masked step keeps the previous output and states (TF.js's rnn())
        Tensor drop = sub(1.0, keep[t]);
        last = add(mul(out[0], keep[t]), mul(states[0], drop));
        for (size_t i = 0; i < states.size(); ++i) states[i] = add(mul(out[i + 1], keep[t]), mul(states[i], drop));
      } else {
        last = out[0];
        states = tail(out);
      }
      if (options_.returnSequences) outputs.push_back(last);
    }
    cell_->resetDropoutMasks();
    std::vector<Tensor> result{!options_.returnSequences ? last
                               : outputs.empty()         ? zeros({batch, 0, sizes[0]})
                                                         : stack(outputs, 1)};
    if (options_.returnState) result.insert(result.end(), states.begin(), states.end());
    return result;
  });
}

std::vector<Tensor> RNNImpl::computeMask(const std::vector<Tensor>&, const std::vector<Tensor>& masks) {
  std::vector<Tensor> out{options_.returnSequences && !masks.empty() ? masks[0] : Tensor()};
  if (options_.returnState) out.resize(1 + cell_->stateSize().size());
  return out;
}

// The mask ([batch, timeSteps], any dtype) as one [batch, 1] float32 tensor per step; none
// without a mask.
std::vector<Tensor> RNNImpl::stepMasks(const Tensor& mask, const Shape& inputShape) const {
  if (!mask.defined()) return {};
  if (mask.shape() != Shape{inputShape[0], inputShape[1]})
    throw Error(className_ + " " + name_ + ": the mask has shape " + shapeToJsonString(mask.shape()) +
                ", expected [batch, timeSteps] " + shapeToJsonString({inputShape[0], inputShape[1]}));
  return unstack(expandDims(cast(cast(mask, DType::bool_), DType::float32), -1), 1);
}

ConfigDict RNNImpl::getConfig() const {
  // TF.js: Object.assign({}, cellConfig, baseConfig, rnnConfig), so the layer's name replaces
  // the cell's in place.
  const Json cellConfig = toJson(cell_->getConfig());
  const ConfigDict base = LayerImpl::getConfig();
  Json out = cellConfig;
  for (auto& [k, v] : toJson(base).items()) out[k] = v;
  out["returnSequences"] = options_.returnSequences;
  out["returnState"] = options_.returnState;
  out["goBackwards"] = options_.goBackwards;
  out["stateful"] = options_.stateful;
  out["unroll"] = options_.unroll;
  if (className_ == "RNN") out["cell"] = Json{{"className", cell_->getClassName()}, {"config", cellConfig}};
  return fromJson(std::move(out));
}

std::vector<LayerVariable> RNNImpl::trainableWeights() const {
  return trainable_ ? cell_->trainableWeights() : std::vector<LayerVariable>{};
}
std::vector<LayerVariable> RNNImpl::nonTrainableWeights() const {
  return trainable_ ? cell_->nonTrainableWeights() : cell_->weights();
}
std::vector<Tensor> RNNImpl::calculateLosses() {
  std::vector<Tensor> out = cell_->calculateLosses(), own = LayerImpl::calculateLosses();
  out.insert(out.end(), own.begin(), own.end());
  return out;
}

void RNNImpl::withStateSpecs(size_t inputs) {
  checkInputCount(inputs);
  const std::vector<int64_t> sizes = cell_->stateSize();
  inputSpec_.resize(1);
  for (size_t i = 1; i < inputs; ++i) {  // [batch, size] each
    InputSpec state;
    state.shape = {-1, sizes[i - 1]};
    inputSpec_.push_back(state);
  }
}

void RNNImpl::checkInputCount(size_t n) const {
  const size_t numStates = cell_->stateSize().size();
  if (n != 1 && n != 1 + numStates)
    throw Error(className_ + " " + name_ + ": expects the input alone or with its " + std::to_string(numStates) +
                " initial state(s), got " + std::to_string(n) + " inputs");
}

}  // namespace layers_internal

namespace layers {
Layer rnn(RNNLayerArgs args) {
  using namespace layers_internal;
  if (args.cell.cells.empty()) throw Error("cell property is missing for the constructor of RNN.");
  Layer cell = args.cell.isList ? stackedRNNCells({.cells = args.cell.cells}) : args.cell.cells[0];
  return Layer(std::make_shared<RNNImpl>("RNN", layerArgsOf(args), cellOf(cell, "RNN"), rnnOptionsOf(args)));
}
}  // namespace layers

EF_REGISTER_LAYER("RNN", [](const ConfigDict& c) {
  using namespace layers_internal;
  const Json j = toJson(c);
  if (!j.contains("cell") || !j["cell"].is_object() || !j["cell"].contains("className"))
    throw Error("RNN: the config has no 'cell' ({className, config})");
  const Json& cls = j["cell"]["className"];
  if (!cls.is_string() || std::find(kCellClasses.begin(), kCellClasses.end(), cls.get<std::string>()) == kCellClasses.end())
    throw Error("RNN: unknown cell class " + cls.dump() + "; valid cells are " + joinNames(kCellClasses));
  layers::RNNLayerArgs a = withRNNOptions(withBaseFromConfig(layers::RNNLayerArgs{}, j), j);
  a.cell = layers::deserialize(fromJson(j["cell"]));
  return layers::rnn(a);
});

}  // namespace edgeflow
