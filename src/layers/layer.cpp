// LayerImpl: building, applying (to tensors or symbolic tensors), weights, configs, disposal,
// following tfjs-layers' engine/topology.
#include "edgeflow/layers/layer.h"

#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/layers/config_json.h"
#include "layers/common.h"
#include "layers/node.h"

namespace edgeflow {

using namespace layers_internal;

namespace {
int64_t nextLayerId() {
  static int64_t next = 0;
  return next++;
}

// apply() of a layer with several outputs is a mistake; applyMulti() returns them all.
template <typename T>
T onlyOutput(std::vector<T> out, const std::string& layer) {
  if (out.size() != 1)
    throw Error("Layer " + layer + " has " + std::to_string(out.size()) + " outputs: use applyMulti()");
  return std::move(out[0]);
}
}  // namespace

LayerImpl::LayerImpl(const LayerArgs& args) : id_(nextLayerId()) {
  name_ = args.name;
  trainable_ = args.trainable.value_or(true);
  if (!args.inputShape.empty() || !args.batchInputShape.empty()) {
    if (!args.batchInputShape.empty()) {
      batchInputShape_ = args.batchInputShape;
    } else {
      Shape s{args.batchSize.value_or(-1)};
      s.insert(s.end(), args.inputShape.begin(), args.inputShape.end());
      batchInputShape_ = s;
    }
    dtype_ = args.dtype ? args.dtype : args.inputDType ? args.inputDType : std::optional<DType>(DType::float32);
  }
  initialWeights_ = args.weights;
}

LayerImpl::~LayerImpl() = default;

void LayerImpl::ensureName() {
  if (!name_.empty()) return;
  std::string prefix = getClassName();
  name_ = toSnakeCase(prefix) + "_" + getUid(prefix);
}

void LayerImpl::build(const std::vector<Shape>&) { built_ = true; }

std::vector<Tensor> LayerImpl::call(const std::vector<Tensor>& inputs, const Kwargs&) { return inputs; }

std::vector<Shape> LayerImpl::computeOutputShape(const std::vector<Shape>& inputShapes) { return inputShapes; }

std::vector<Tensor> LayerImpl::computeMask(const std::vector<Tensor>&, const std::vector<Tensor>& masks) {
  if (supportsMasking_) return masks;
  for (const Tensor& m : masks)
    if (m.defined()) throw Error("Layer " + name_ + " does not support masking, but was passed an inputMask.");
  return {};
}

ConfigDict LayerImpl::getConfig() const {
  Json c{{"name", name_}, {"trainable", trainable()}};
  if (batchInputShape_) c["batchInputShape"] = shapeToJson(*batchInputShape_);
  if (dtype_) c["dtype"] = dtypeName(*dtype_);
  return fromJson(c);
}

void LayerImpl::setTrainable(bool trainable) {
  for (auto& w : trainableWeights_) w.setTrainable(trainable);
  trainable_ = trainable;
}

std::vector<LayerVariable> LayerImpl::trainableWeights() const {
  std::vector<LayerVariable> out;
  if (!trainable_) return out;
  for (auto& w : trainableWeights_)
    if (w.trainable()) out.push_back(w);
  return out;
}

std::vector<LayerVariable> LayerImpl::nonTrainableWeights() const {
  std::vector<LayerVariable> out;
  for (auto& w : trainableWeights_)
    if (!trainable_ || !w.trainable()) out.push_back(w);
  out.insert(out.end(), nonTrainableWeights_.begin(), nonTrainableWeights_.end());
  return out;
}

std::vector<LayerVariable> LayerImpl::weights() const {
  auto out = trainableWeights();
  auto nt = nonTrainableWeights();
  out.insert(out.end(), nt.begin(), nt.end());
  return out;
}

std::vector<Tensor> LayerImpl::getWeights(bool trainableOnly) const {
  std::vector<Tensor> out;
  for (auto& w : trainableOnly ? trainableWeights() : weights()) out.push_back(w.read());
  return out;
}

void LayerImpl::setWeights(const std::vector<Tensor>& values) {
  auto params = weights();
  if (params.size() != values.size())
    throw Error("You called setWeights(weights) on layer \"" + name_ + "\" with a weight list of length " +
                std::to_string(values.size()) + ", but the layer was expecting " + std::to_string(params.size()) +
                " weights.");
  for (size_t i = 0; i < params.size(); ++i)
    if (params[i].shape() != values[i].shape())
      throw Error("Layer weight shape " + shapeToString(params[i].shape()) +
                  " not compatible with provided weight shape " + shapeToString(values[i].shape()));
  tidy([&] {
    for (size_t i = 0; i < params.size(); ++i) params[i].write(values[i]);
  });
}

int64_t LayerImpl::countParams() {
  if (!built_)
    throw Error("You tried to call countParams() on " + name_ +
                ", but the layer is not built yet. Build it first by calling build(batchInputShape).");
  int64_t n = 0;
  for (auto& w : weights()) n += sizeFromShape(w.shape());
  return n;
}

std::vector<Tensor> LayerImpl::calculateLosses() {
  std::vector<Tensor> out;
  for (auto& f : losses_) out.push_back(f());
  return out;
}

void LayerImpl::resetStates() {
  if (!stateful()) throw Error("Cannot call the resetStates() method of a non-stateful Layer object.");
}

int LayerImpl::disposeWeights() {
  auto ws = weights();
  for (auto& w : ws)
    if (!w.isDisposed()) w.dispose();
  return static_cast<int>(ws.size());
}

void LayerImpl::assertNotDisposed() const {
  if (refCount_ && *refCount_ == 0) throw Error("Layer '" + name_ + "' is already disposed.");
}

DisposeResult LayerImpl::dispose() {
  if (!built_) throw Error("Cannot dispose Layer " + name_ + " because it has not been built yet.");
  if (!refCount_) throw Error("Cannot dispose Layer " + name_ + " because it has not been used yet.");
  assertNotDisposed();
  DisposeResult r;
  if (--*refCount_ == 0) r.numDisposedVariables = disposeWeights();
  r.refCountAfterDispose = *refCount_;
  return r;
}

LayerVariable LayerImpl::addWeight(const std::string& name, const Shape& shape, std::optional<DType> dtype,
                                   const initializers::InitializerPtr& initializer,
                                   const regularizers::RegularizerPtr& regularizer, bool trainable,
                                   const constraints::ConstraintPtr& constraint) {
  if (std::find(addedWeightNames_.begin(), addedWeightNames_.end(), name) != addedWeightNames_.end())
    throw Error("Duplicate weight name " + name + " for layer " + name_);
  addedWeightNames_.push_back(name);
  DType dt = dtype.value_or(DType::float32);
  auto init = initializer ? initializer : initializers::zeros();
  LayerVariable weight = tidy([&] {
    Tensor value = init->apply(shape, dt);
    return LayerVariable(value, dt, name, trainable, constraint);
  });
  if (regularizer) addLoss([regularizer, weight] { return regularizer->apply(weight.read()); });
  (trainable ? trainableWeights_ : nonTrainableWeights_).push_back(weight);
  return weight;
}

void LayerImpl::addLoss(std::function<Tensor()> loss) { losses_.push_back(std::move(loss)); }

void LayerImpl::assertInputCompatibility(const std::vector<Shape>& shapes, const std::vector<DType>& dtypes) const {
  if (inputSpec_.empty()) return;
  if (shapes.size() != inputSpec_.size())
    throw Error("Layer " + name_ + " expects " + std::to_string(inputSpec_.size()) + " inputs, but it received " +
                std::to_string(shapes.size()) + " input tensors.");
  for (size_t i = 0; i < shapes.size(); ++i) {
    const InputSpec& spec = inputSpec_[i];
    const Shape& s = shapes[i];
    int ndim = static_cast<int>(s.size());
    std::string prefix = "Input " + std::to_string(i) + " is incompatible with layer " + name_ + ": ";
    if (spec.ndim && ndim != *spec.ndim)
      throw Error(prefix + "expected ndim=" + std::to_string(*spec.ndim) + ", found ndim=" + std::to_string(ndim) +
                  " (shape " + shapeToJsonString(s) + ")");
    if (spec.maxNDim && ndim > *spec.maxNDim)
      throw Error(prefix + "expected max_ndim=" + std::to_string(*spec.maxNDim) + ", found ndim=" +
                  std::to_string(ndim) + " (shape " + shapeToJsonString(s) + ")");
    if (spec.minNDim && ndim < *spec.minNDim)
      throw Error(prefix + "expected min_ndim=" + std::to_string(*spec.minNDim) + ", found ndim=" +
                  std::to_string(ndim) + " (shape " + shapeToJsonString(s) + ")");
    if (spec.dtype && i < dtypes.size() && dtypes[i] != *spec.dtype)
      throw Error(prefix + "expected dtype=" + dtypeName(*spec.dtype) + ", found dtype=" + dtypeName(dtypes[i]) + ".");
    for (auto& [axis, value] : spec.axes) {
      int a = axis >= 0 ? axis : ndim + axis;
      int64_t got = a >= 0 && a < ndim ? s[size_t(a)] : -2;
      if (value >= 0 && got != value && got != -1)
        throw Error(prefix + "expected axis " + std::to_string(axis) + " of input shape to have value " +
                    std::to_string(value) + " but got shape " + shapeToJsonString(s) + ".");
    }
    if (!spec.shape.empty())
      for (size_t d = 0; d < spec.shape.size() && d < s.size(); ++d)
        if (spec.shape[d] >= 0 && s[d] >= 0 && spec.shape[d] != s[d])
          throw Error(prefix + "expected shape=" + shapeToJsonString(spec.shape) + ", found shape=" +
                      shapeToJsonString(s) + ".");
  }
}

std::vector<Tensor> LayerImpl::apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs) {
  assertNotDisposed();
  ensureName();
  NameScope scope(name_);
  std::vector<Shape> shapes;
  std::vector<DType> dtypes;
  for (auto& x : inputs) {
    shapes.push_back(x.shape());
    dtypes.push_back(x.dtype());
  }
  if (!built_) {
    assertInputCompatibility(shapes, dtypes);
    build(shapes);
    built_ = true;
    if (!initialWeights_.empty()) setWeights(initialWeights_);
    if (!refCount_) refCount_ = 1;
  }
  assertInputCompatibility(shapes, dtypes);
  std::vector<Tensor> outputs = call(inputs, kwargs);
  for (auto& y : outputs)  // a layer never returns its input itself (TF.js clones it)
    for (auto& x : inputs)
      if (y.impl() == x.impl()) y = y.clone();
  if (activityRegularizer_)
    throw Error("Layer invocation in the presence of activity regularizer(s) is not supported yet.");
  return outputs;
}

std::vector<SymbolicTensor> LayerImpl::apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) {
  assertNotDisposed();
  ensureName();
  NameScope scope(name_);
  std::vector<Shape> shapes;
  std::vector<DType> dtypes;
  for (auto& x : inputs) {
    if (!x.defined()) throw Error("Layer " + name_ + ": apply() got an undefined SymbolicTensor");
    shapes.push_back(x.shape());
    dtypes.push_back(x.dtype());
  }
  if (!built_) {
    assertInputCompatibility(shapes, dtypes);
    build(shapes);
    built_ = true;
    if (!initialWeights_.empty()) setWeights(initialWeights_);
  }
  assertInputCompatibility(shapes, dtypes);
  std::vector<Shape> outShapes = computeOutputShape(shapes);
  std::vector<SymbolicTensor> outputs;
  auto self = shared_from_this();
  for (size_t i = 0; i < outShapes.size(); ++i)
    outputs.push_back(makeSymbolicTensor(DType::float32, outShapes[i], self, inputs, name_,
                                         outShapes.size() > 1 ? static_cast<int>(i) : -1));
  addInboundNode(inputs, outputs, shapes, outShapes);
  refCount_ = refCount_.value_or(0) + 1;
  if (activityRegularizer_)
    throw Error("Layer invocation in the presence of activity regularizer(s) is not supported yet.");
  (void)kwargs;  // call-time arguments are given again when the graph runs
  return outputs;
}

void LayerImpl::addInboundNode(const std::vector<SymbolicTensor>& inputs, const std::vector<SymbolicTensor>& outputs,
                               const std::vector<Shape>& inputShapes, const std::vector<Shape>& outputShapes) {
  std::vector<std::shared_ptr<LayerImpl>> inboundLayers;
  std::vector<int> nodeIndices, tensorIndices;
  for (auto& x : inputs) {
    inboundLayers.push_back(x.data()->sourceLayer.lock());
    nodeIndices.push_back(x.nodeIndex());
    tensorIndices.push_back(x.tensorIndex());
  }
  addNode(this, std::move(inboundLayers), std::move(nodeIndices), std::move(tensorIndices), dataOf(inputs),
          dataOf(outputs), inputShapes, outputShapes);
  for (size_t i = 0; i < outputs.size(); ++i) {
    outputs[i].data()->nodeIndex = static_cast<int>(inboundNodes_.size()) - 1;
    outputs[i].data()->tensorIndex = static_cast<int>(i);
  }
}

std::vector<Shape> LayerImpl::outputShapes() const {
  if (inboundNodes_.empty())
    throw Error("The layer " + name_ + " has never been called and thus has no defined output shape.");
  for (auto& n : inboundNodes_)
    if (n->outputShapes != inboundNodes_[0]->outputShapes)
      throw Error("The layer " + name_ +
                  " has multiple inbound nodes with different output shapes. Hence the notion of \"output shape\" "
                  "is ill-defined for the layer.");
  return inboundNodes_[0]->outputShapes;
}

// ---- Layer handle ----

Layer::Layer(std::shared_ptr<LayerImpl> impl) : impl_(std::move(impl)) {
  if (impl_) impl_->ensureName();
}

LayerImpl& Layer::checked() const {
  if (!impl_) throw Error("Layer: the handle is empty");
  return *impl_;
}

const std::string& Layer::name() const { return checked().name(); }
std::string Layer::getClassName() const { return checked().getClassName(); }
int64_t Layer::id() const { return checked().id(); }
bool Layer::trainable() const { return checked().trainable(); }
void Layer::setTrainable(bool t) const { checked().setTrainable(t); }
bool Layer::built() const { return checked().built(); }
void Layer::build(const Shape& inputShape) const { build(std::vector<Shape>{inputShape}); }
void Layer::build(const std::vector<Shape>& inputShapes) const {
  LayerImpl& l = checked();
  NameScope scope(l.name());
  l.build(inputShapes);
  l.built_ = true;
}

SymbolicTensor Layer::apply(const SymbolicTensor& input, const Kwargs& kwargs) const {
  return apply(std::vector<SymbolicTensor>{input}, kwargs);
}
SymbolicTensor Layer::apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) const {
  return onlyOutput(checked().apply(inputs, kwargs), name());
}
std::vector<SymbolicTensor> Layer::applyMulti(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) const {
  return checked().apply(inputs, kwargs);
}
Tensor Layer::apply(const Tensor& input, const Kwargs& kwargs) const {
  return apply(std::vector<Tensor>{input}, kwargs);
}
Tensor Layer::apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs) const {
  return onlyOutput(checked().apply(inputs, kwargs), name());
}
std::vector<Tensor> Layer::applyMulti(const std::vector<Tensor>& inputs, const Kwargs& kwargs) const {
  return checked().apply(inputs, kwargs);
}
std::vector<Tensor> Layer::call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) const {
  return checked().call(inputs, kwargs);
}
Shape Layer::computeOutputShape(const Shape& inputShape) const {
  auto out = checked().computeOutputShape({inputShape});
  if (out.size() != 1) throw Error("Layer " + name() + " has several outputs: pass a list of shapes");
  return out[0];
}
std::vector<Shape> Layer::computeOutputShape(const std::vector<Shape>& inputShapes) const {
  return checked().computeOutputShape(inputShapes);
}

Shape Layer::outputShape() const {
  auto s = checked().outputShapes();
  if (s.size() != 1) throw Error("Layer " + name() + " has several outputs: use outputShapes()");
  return s[0];
}
std::vector<Shape> Layer::outputShapes() const { return checked().outputShapes(); }

std::vector<SymbolicTensor> Layer::getInputAt(int nodeIndex) const {
  LayerImpl& l = checked();
  if (l.inboundNodes_.empty()) throw Error("The layer has never been called and thus has no defined input.");
  if (static_cast<int>(l.inboundNodes_.size()) <= nodeIndex)
    throw Error("Asked to get input at node " + std::to_string(nodeIndex) + ", but the layer has only " +
                std::to_string(l.inboundNodes_.size()) + " inbound nodes.");
  return handles(l.inboundNodes_[size_t(nodeIndex)]->inputTensors);
}
std::vector<SymbolicTensor> Layer::getOutputAt(int nodeIndex) const {
  LayerImpl& l = checked();
  if (l.inboundNodes_.empty()) throw Error("The layer has never been called and thus has no defined output.");
  if (static_cast<int>(l.inboundNodes_.size()) <= nodeIndex)
    throw Error("Asked to get output at node " + std::to_string(nodeIndex) + ", but the layer has only " +
                std::to_string(l.inboundNodes_.size()) + " inbound nodes.");
  return handles(l.inboundNodes_[size_t(nodeIndex)]->outputTensors);
}
SymbolicTensor Layer::input() const {
  LayerImpl& l = checked();
  if (l.inboundNodes_.size() > 1)
    throw Error("Layer " + l.name() +
                " has multiple inbound nodes, hence the notion of \"layer input\" is ill-defined. Use "
                "`getInputAt(nodeIndex)` instead.");
  if (l.inboundNodes_.empty()) throw Error("Layer " + l.name() + " is not connected, no input to return.");
  auto in = getInputAt(0);
  if (in.size() != 1) throw Error("Layer " + l.name() + " has several inputs: use getInputAt(0)");
  return in[0];
}
SymbolicTensor Layer::output() const {
  LayerImpl& l = checked();
  if (l.inboundNodes_.empty()) throw Error("Layer " + l.name() + " has no inbound nodes.");
  if (l.inboundNodes_.size() > 1)
    throw Error("Layer " + l.name() +
                " has multiple inbound nodes, hence the notion of \"layer output\" is ill-defined. Use "
                "`getOutputAt(nodeIndex)` instead.");
  auto out = getOutputAt(0);
  if (out.size() != 1) throw Error("Layer " + l.name() + " has several outputs: use getOutputAt(0)");
  return out[0];
}

std::vector<LayerVariable> Layer::weights() const { return checked().weights(); }
std::vector<LayerVariable> Layer::trainableWeights() const { return checked().trainableWeights(); }
std::vector<LayerVariable> Layer::nonTrainableWeights() const { return checked().nonTrainableWeights(); }
std::vector<Tensor> Layer::getWeights(bool trainableOnly) const { return checked().getWeights(trainableOnly); }
void Layer::setWeights(const std::vector<Tensor>& weights) const { checked().setWeights(weights); }
int64_t Layer::countParams() const { return checked().countParams(); }
std::vector<Tensor> Layer::calculateLosses() const { return checked().calculateLosses(); }
ConfigDict Layer::getConfig() const { return checked().getConfig(); }
DisposeResult Layer::dispose() const { return checked().dispose(); }

}  // namespace edgeflow
