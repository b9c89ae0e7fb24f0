// The RNN cell base (TF.js's RNNCell) and the RNN layer that runs a cell over time (TF.js's RNN,
// the base of SimpleRNN, GRU and LSTM). Internal.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "edgeflow/layers/config_json.h"
#include "edgeflow/layers/recurrent.h"

namespace edgeflow::layers_internal {

class RNNCellImpl : public LayerImpl {
 public:
  using LayerImpl::LayerImpl;

  // One size per state; the first state is the output too.
  virtual std::vector<int64_t> stateSize() const = 0;
  // One step on {x, ...states} -> {output, ...newStates}, unchecked and without a tidy (the RNN
  // runs all steps in one). Dropout masks are drawn at the first step and kept until
  // resetDropoutMasks(), so a sequence uses one mask.
  virtual std::vector<Tensor> step(const std::vector<Tensor>& inputs, bool training) = 0;
  virtual void resetDropoutMasks() {}

  // Standalone use: checks the states against stateSize, then one step with fresh masks.
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override;
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override;
};

// The cell of a layer handle; throws (naming `who`) if the layer is no RNN cell.
std::shared_ptr<RNNCellImpl> cellOf(const Layer& layer, const std::string& who);
// Throws unless states[i] is [batch, sizes[i]] for every i ("<who>: <what> i has shape ...").
void checkStateShapes(const std::vector<Tensor>& states, int64_t batch, const std::vector<int64_t>& sizes,
                      const std::string& who, const std::string& what);

struct RNNOptions {
  bool returnSequences = false, returnState = false, goBackwards = false, stateful = false, unroll = false;
};
template <class A>
RNNOptions rnnOptionsOf(const A& a) {
  return {a.returnSequences, a.returnState, a.goBackwards, a.stateful, a.unroll};
}
template <class A>
A withRNNOptions(A a, const Json& c) {
  a.returnSequences = c.value("returnSequences", false);
  a.returnState = c.value("returnState", false);
  a.goBackwards = c.value("goBackwards", false);
  a.stateful = c.value("stateful", false);
  a.unroll = c.value("unroll", false);
  return a;
}

class RNNImpl : public LayerImpl {
 public:
  RNNImpl(std::string className, const LayerArgs& args, std::shared_ptr<RNNCellImpl> cell, const RNNOptions& options);

  std::string getClassName() const override { return className_; }
  void build(const std::vector<Shape>& inputShapes) override;
  std::vector<Tensor> apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override;
  std::vector<SymbolicTensor> apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) override;
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override;
  // inputs: x, or x followed by the initial states (TF.js's apply([x, ...initialState])).
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override;
  // With returnSequences the output keeps the input's mask; the states have none.
  std::vector<Tensor> computeMask(const std::vector<Tensor>& inputs, const std::vector<Tensor>& masks) override;
  // The cell's fields, the layer's base fields, the RNN fields, and for class RNN the cell itself.
  ConfigDict getConfig() const override;

  // The weights are the cell's (TF.js: none when the RNN is not trainable).
  std::vector<LayerVariable> trainableWeights() const override;
  std::vector<LayerVariable> nonTrainableWeights() const override;
  std::vector<Tensor> calculateLosses() override;

  const std::shared_ptr<RNNCellImpl>& cell() const { return cell_; }

 private:
  void withStateSpecs(size_t inputs);
  void checkInputCount(size_t n) const;
  std::vector<Tensor> stepMasks(const Tensor& mask, const Shape& inputShape) const;

  std::string className_;
  std::shared_ptr<RNNCellImpl> cell_;
  RNNOptions options_;
};

// The cell fields of one args struct copied into another (cell <-> layer args).
template <class To, class From>
To withCellFields(To to, const From& f) {
  to.units = f.units;
  to.activation = f.activation;
  to.recurrentActivation = f.recurrentActivation;
  to.useBias = f.useBias;
  to.kernelInitializer = f.kernelInitializer;
  to.recurrentInitializer = f.recurrentInitializer;
  to.biasInitializer = f.biasInitializer;
  to.unitForgetBias = f.unitForgetBias;
  to.kernelRegularizer = f.kernelRegularizer;
  to.recurrentRegularizer = f.recurrentRegularizer;
  to.biasRegularizer = f.biasRegularizer;
  to.activityRegularizer = f.activityRegularizer;
  to.kernelConstraint = f.kernelConstraint;
  to.recurrentConstraint = f.recurrentConstraint;
  to.biasConstraint = f.biasConstraint;
  to.dropout = f.dropout;
  to.recurrentDropout = f.recurrentDropout;
  to.implementation = f.implementation;
  return to;
}

// A cell's args from its config (SimpleRNNCell, GRUCell, LSTMCell; the layers' configs too).
layers::RNNCellLayerArgs cellArgsFromConfig(const Json& config);

}  // namespace edgeflow::layers_internal
