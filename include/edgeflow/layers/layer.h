// The layer machinery of tfjs-layers: LayerVariable, SymbolicTensor, InputSpec and Layer.
//
// A Layer is a handle (like Tensor): copies refer to the same layer, so a layer can be shared by
// several models or applied several times. Its behaviour lives in a LayerImpl; the built-in layers
// are made by the factories in edgeflow::layers (layers::dense(...)), and a custom layer derives
// from LayerImpl and is wrapped as Layer(std::make_shared<MyLayer>(...)).
//
// Shapes of symbolic tensors and layer configs use -1 for an unknown dimension (TF.js's null),
// e.g. the batch dimension [-1, 784].
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/layers/config.h"
#include "edgeflow/layers/constraints.h"
#include "edgeflow/layers/initializers.h"
#include "edgeflow/layers/regularizers.h"
#include "edgeflow/tensor.h"

namespace edgeflow {

class Layer;
class LayerImpl;
class Node;
struct SymbolicTensorData;

// Call-time arguments of a layer (TF.js's kwargs).
struct Kwargs {
  bool training = false;  // e.g. Dropout only drops while training
  Tensor mask{};          // the first input's mask (e.g. [batch, timeSteps] bool), given by models
};

// A layer's weight: a tf.Variable with a layer-scoped name ("dense_Dense1/kernel"), a trainable
// flag and an optional constraint applied on every write.
class LayerVariable {
 public:
  LayerVariable() = default;
  LayerVariable(const Tensor& initialValue, DType dtype, const std::string& name, bool trainable = true,
                constraints::ConstraintPtr constraint = nullptr);

  bool defined() const { return data_ != nullptr; }
  const std::string& name() const;          // unique: the scoped name, or with "_1", "_2"... if taken
  const std::string& originalName() const;  // the scoped name
  int64_t id() const;
  const Shape& shape() const;
  DType dtype() const;
  bool trainable() const;
  void setTrainable(bool trainable) const;
  const constraints::ConstraintPtr& constraint() const;
  const Variable& read() const;           // throws if disposed
  void write(const Tensor& value) const;  // assigns (same shape), then applies the constraint
  void dispose() const;
  bool isDisposed() const;
  bool operator==(const LayerVariable& other) const { return data_ == other.data_; }

  struct Data;

 private:
  std::shared_ptr<Data> data_{};
};
// Variables are never disposed by tidy(): nothing to keep.
inline void collectTensors(const LayerVariable&, std::vector<Tensor>&) {}

// A placeholder for a tensor in a functional model: what input() and layer.apply(symbolic) return.
class SymbolicTensor {
 public:
  SymbolicTensor() = default;
  SymbolicTensor(std::shared_ptr<SymbolicTensorData> data);

  bool defined() const { return data_ != nullptr; }
  int64_t id() const;
  const std::string& name() const;
  DType dtype() const;
  const Shape& shape() const;  // -1 = unknown
  int rank() const;
  Layer sourceLayer() const;
  int nodeIndex() const;
  int tensorIndex() const;
  std::string toString() const;
  bool operator==(const SymbolicTensor& other) const { return data_ == other.data_; }

  const std::shared_ptr<SymbolicTensorData>& data() const { return data_; }

 private:
  std::shared_ptr<SymbolicTensorData> data_{};
  std::shared_ptr<LayerImpl> owner_{};  // the source layer, which keeps the graph producing it alive
};

// What a layer accepts as input (checked on every apply); unset fields are not checked.
struct InputSpec {
  std::optional<DType> dtype{};
  Shape shape{};  // empty = unchecked; -1 entries are unchecked
  std::optional<int> ndim{};
  std::optional<int> maxNDim{};
  std::optional<int> minNDim{};
  std::map<int, int64_t> axes;  // axis (may be negative) -> required size
};

struct DisposeResult {
  int refCountAfterDispose = 0;
  int numDisposedVariables = 0;
};

// The arguments every layer accepts (TF.js's LayerArgs), as fields that each layer's args struct
// repeats after its own fields (designated initializers cannot reach into a base struct).
#define EDGEFLOW_LAYER_ARGS                                                                        \
  Shape inputShape{};      /* one example's shape, without the batch dimension; empty = not given */ \
  Shape batchInputShape{}; /* with the batch dimension (-1 = any); empty = not given */              \
  std::optional<int64_t> batchSize{};                                                              \
  std::optional<DType> dtype{};                                                                    \
  std::string name{}; /* default: <snake_case class>_<ClassName><n>, e.g. dense_Dense1 */          \
  std::optional<bool> trainable{};                                                                 \
  std::vector<Tensor> weights{}; /* initial weight values, set when the layer is built */          \
  std::optional<DType> inputDType{};

struct LayerArgs {
  EDGEFLOW_LAYER_ARGS
};

// The LayerArgs part of any layer's args struct.
template <class A>
LayerArgs layerArgsOf(const A& a) {
  return LayerArgs{a.inputShape, a.batchInputShape, a.batchSize, a.dtype, a.name, a.trainable, a.weights, a.inputDType};
}

// The behaviour of a layer (TF.js's Layer class). Derive from it for a custom layer: override
// getClassName, and as needed build (create weights with addWeight), call, computeOutputShape
// and getConfig. Shapes and tensors come as lists: one entry per input or output.
class LayerImpl : public std::enable_shared_from_this<LayerImpl> {
 public:
  explicit LayerImpl(const LayerArgs& args = {});
  virtual ~LayerImpl();
  LayerImpl(const LayerImpl&) = delete;
  LayerImpl& operator=(const LayerImpl&) = delete;

  virtual std::string getClassName() const = 0;
  virtual void build(const std::vector<Shape>& inputShapes);
  virtual std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs);
  virtual std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes);
  // The masks of the outputs (Keras): the input masks when the layer supportsMasking_, else none
  // (an error if it got one). An undefined Tensor is "no mask".
  virtual std::vector<Tensor> computeMask(const std::vector<Tensor>& inputs, const std::vector<Tensor>& masks);
  // {name, trainable, [batchInputShape], [dtype]}; layers add their own fields first.
  virtual ConfigDict getConfig() const;

  virtual bool trainable() const { return trainable_; }
  virtual void setTrainable(bool trainable);
  virtual std::vector<LayerVariable> trainableWeights() const;
  virtual std::vector<LayerVariable> nonTrainableWeights() const;
  std::vector<LayerVariable> weights() const;
  std::vector<Tensor> getWeights(bool trainableOnly = false) const;
  virtual void setWeights(const std::vector<Tensor>& weights);
  virtual int64_t countParams();
  // Regularization losses of this layer's weights (scalars).
  virtual std::vector<Tensor> calculateLosses();
  virtual bool stateful() const { return false; }
  virtual void resetStates();
  virtual DisposeResult dispose();

  // Creates a weight named "<layer name>/<name>" (unique), initialised by initializer.
  LayerVariable addWeight(const std::string& name, const Shape& shape, std::optional<DType> dtype,
                          const initializers::InitializerPtr& initializer,
                          const regularizers::RegularizerPtr& regularizer = nullptr, bool trainable = true,
                          const constraints::ConstraintPtr& constraint = nullptr);
  void addLoss(std::function<Tensor()> loss);

  // Applies the layer: builds it on first use, checks the inputs against inputSpec, then calls it
  // (on tensors) or records a graph node (on symbolic tensors).
  virtual std::vector<Tensor> apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs = {});
  virtual std::vector<SymbolicTensor> apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs = {});
  void assertInputCompatibility(const std::vector<Shape>& shapes, const std::vector<DType>& dtypes) const;

  const std::string& name() const { return name_; }
  // Gives the layer its default name (<snake_case class>_<ClassName><n>) if it has none yet.
  void ensureName();
  int64_t id() const { return id_; }
  bool built() const { return built_; }
  std::shared_ptr<LayerImpl> self() { return shared_from_this(); }
  // The output shapes of the layer's calls (throws if it was never called or calls disagree).
  std::vector<Shape> outputShapes() const;
  void assertNotDisposed() const;

  // State, public as in TF.js (models read each other's graph).
  std::string name_{};
  int64_t id_ = 0;
  bool built_ = false;
  bool trainable_ = true;
  bool supportsMasking_ = false;
  std::optional<Shape> batchInputShape_{};
  std::optional<DType> dtype_{};
  std::vector<InputSpec> inputSpec_{};
  std::vector<std::shared_ptr<Node>> inboundNodes_{};
  std::vector<std::weak_ptr<Node>> outboundNodes_{};
  std::vector<LayerVariable> trainableWeights_{};
  std::vector<LayerVariable> nonTrainableWeights_{};
  std::vector<std::function<Tensor()>> losses_;
  std::vector<Tensor> initialWeights_{};
  std::vector<std::string> addedWeightNames_{};
  std::optional<int> refCount_{};
  regularizers::RegularizerPtr activityRegularizer_{};

 protected:
  // Adds a graph node for a symbolic call (TF.js's addInboundNode).
  void addInboundNode(const std::vector<SymbolicTensor>& inputs, const std::vector<SymbolicTensor>& outputs,
                      const std::vector<Shape>& inputShapes, const std::vector<Shape>& outputShapes);
  int disposeWeights();
};

// A handle to a layer (tf.layers.Layer).
class Layer {
 public:
  Layer() = default;
  Layer(std::shared_ptr<LayerImpl> impl);  // gives the layer its default name if it has none

  bool defined() const { return impl_ != nullptr; }
  LayerImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<LayerImpl>& implPtr() const { return impl_; }
  template <class T>
  T* as() const {
    return dynamic_cast<T*>(impl_.get());
  }
  bool operator==(const Layer& other) const { return impl_ == other.impl_; }

  const std::string& name() const;
  std::string getClassName() const;
  int64_t id() const;
  bool trainable() const;
  void setTrainable(bool trainable) const;
  bool built() const;
  void build(const Shape& inputShape) const;
  void build(const std::vector<Shape>& inputShapes) const;

  // On symbolic tensors: records the call in the graph and returns symbolic outputs.
  SymbolicTensor apply(const SymbolicTensor& input, const Kwargs& kwargs = {}) const;
  SymbolicTensor apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs = {}) const;
  std::vector<SymbolicTensor> applyMulti(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs = {}) const;
  // On tensors: computes the outputs now.
  Tensor apply(const Tensor& input, const Kwargs& kwargs = {}) const;
  Tensor apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs = {}) const;
  std::vector<Tensor> applyMulti(const std::vector<Tensor>& inputs, const Kwargs& kwargs = {}) const;
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs = {}) const;
  Shape computeOutputShape(const Shape& inputShape) const;
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) const;

  Shape outputShape() const;  // throws for layers with several outputs: use outputShapes()
  std::vector<Shape> outputShapes() const;
  SymbolicTensor input() const;   // the input of its only call
  SymbolicTensor output() const;  // the output of its only call
  std::vector<SymbolicTensor> getInputAt(int nodeIndex) const;
  std::vector<SymbolicTensor> getOutputAt(int nodeIndex) const;

  std::vector<LayerVariable> weights() const;
  std::vector<LayerVariable> trainableWeights() const;
  std::vector<LayerVariable> nonTrainableWeights() const;
  std::vector<Tensor> getWeights(bool trainableOnly = false) const;
  void setWeights(const std::vector<Tensor>& weights) const;
  int64_t countParams() const;
  std::vector<Tensor> calculateLosses() const;
  ConfigDict getConfig() const;
  DisposeResult dispose() const;

 protected:
  LayerImpl& checked() const;
  std::shared_ptr<LayerImpl> impl_{};
};

}  // namespace edgeflow
