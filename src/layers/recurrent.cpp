// Recurrent layers (tfjs-layers' layers/recurrent): SimpleRNN, GRU and LSTM. The layer owns its
// cell's weights (named <layer>/kernel, recurrent_kernel, bias as in TF.js) and runs the cell
// step by step with ops, so gradients flow through time by autograd.
#include "edgeflow/layers/recurrent.h"

#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/layers/activations.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

enum class Kind { SimpleRNN, GRU, LSTM };

// LSTM's unitForgetBias: [bias(units), ones(units), bias(2 * units)].
class ForgetBiasInitializer : public initializers::Initializer {
 public:
  ForgetBiasInitializer(initializers::InitializerPtr inner, int64_t units) : inner_(std::move(inner)), units_(units) {}
  Tensor apply(const Shape&, DType dtype) override {
    return tidy([&] {
      return concat({inner_->apply({units_}, dtype), ones({units_}, dtype), inner_->apply({2 * units_}, dtype)}, 0);
    });
  }
  std::string getClassName() const override { return "CustomInit"; }

 private:
  initializers::InitializerPtr inner_;
  int64_t units_;
};

// Inverted dropout of a [batch, n] tensor of ones: the mask applied at every step.
Tensor dropoutMask(const Shape& shape, double rate) {
  double keep = 1 - rate;
  return div(floor(add(randomUniform(shape, 0, 1), keep)), keep);
}

class RecurrentImpl : public LayerImpl {
 public:
  RecurrentImpl(const layers::RecurrentLayerArgs& a, Kind kind) : LayerImpl(layerArgsOf(a)), a_(a), kind_(kind) {
    if (a.units < 1) throw Error("Expected units to be a positive integer, but got " + std::to_string(a.units) + ".");
    if (a.stateful) throw Error(getClassName() + ": stateful recurrent layers are not supported yet.");
    activation_ = activations::getActivation(a.activation.value_or("tanh"));
    if (kind_ != Kind::SimpleRNN) recurrentActivation_ = activations::getActivation(a.recurrentActivation.value_or("hardSigmoid"));
    useBias_ = a.useBias.value_or(true);
    auto init = [](const InitializerIdentifier& id, const char* def) {
      return initializers::getInitializer(id.empty() ? InitializerIdentifier(def) : id);
    };
    kernelInit_ = init(a.kernelInitializer, "glorotNormal");
    recurrentInit_ = init(a.recurrentInitializer, "orthogonal");
    biasInit_ = init(a.biasInitializer, "zeros");
    kernelReg_ = regularizers::getRegularizer(a.kernelRegularizer);
    recurrentReg_ = regularizers::getRegularizer(a.recurrentRegularizer);
    biasReg_ = regularizers::getRegularizer(a.biasRegularizer);
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
    kernelConstraint_ = constraints::getConstraint(a.kernelConstraint);
    recurrentConstraint_ = constraints::getConstraint(a.recurrentConstraint);
    biasConstraint_ = constraints::getConstraint(a.biasConstraint);
    dropout_ = std::clamp(a.dropout, 0.0, 1.0);
    recurrentDropout_ = std::clamp(a.recurrentDropout, 0.0, 1.0);
    InputSpec spec;
    spec.ndim = 3;
    inputSpec_ = {spec};
  }

  std::string getClassName() const override {
    return kind_ == Kind::SimpleRNN ? "SimpleRNN" : kind_ == Kind::GRU ? "GRU" : "LSTM";
  }

  void build(const std::vector<Shape>& shapes) override {
    checkInputCount(shapes.size());
    const Shape& s = shapes[0];
    if (s.size() != 3)
      throw Error("Input 0 is incompatible with layer " + name_ + ": expected ndim=3, found ndim=" +
                  std::to_string(s.size()) + " (shape " + shapeToJsonString(s) + ")");
    int64_t inputDim = s[2];
    if (inputDim < 0) throw Error(getClassName() + " " + name_ + ": the last input dimension must be known");
    const int64_t gates = kind_ == Kind::SimpleRNN ? 1 : kind_ == Kind::GRU ? 3 : 4;
    const int64_t n = a_.units * gates;
    kernel_ = addWeight("kernel", {inputDim, n}, std::nullopt, kernelInit_, kernelReg_, true, kernelConstraint_);
    recurrentKernel_ = addWeight("recurrent_kernel", {a_.units, n}, std::nullopt, recurrentInit_, recurrentReg_, true,
                                 recurrentConstraint_);
    if (useBias_) {
      initializers::InitializerPtr bi = biasInit_;
      if (kind_ == Kind::LSTM && a_.unitForgetBias.value_or(false))
        bi = std::make_shared<ForgetBiasInitializer>(biasInit_, a_.units);
      bias_ = addWeight("bias", {n}, std::nullopt, bi, biasReg_, true, biasConstraint_);
    }
    InputSpec spec;
    spec.shape = {-1, -1, inputDim};
    inputSpec_ = {spec};
    withStateSpecs(shapes.size());
    built_ = true;
  }

  // Initial states come as extra inputs: the input specs follow how many there are (TF.js's
  // RNN.apply swaps its inputSpec the same way).
  std::vector<Tensor> apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    withStateSpecs(inputs.size());
    return LayerImpl::apply(inputs, kwargs);
  }
  std::vector<SymbolicTensor> apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) override {
    withStateSpecs(inputs.size());
    return LayerImpl::apply(inputs, kwargs);
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    const Shape& s = shapes.at(0);
    std::vector<Shape> out{a_.returnSequences ? Shape{s[0], s[1], a_.units} : Shape{s[0], a_.units}};
    if (a_.returnState)
      for (int i = 0; i < numStates(); ++i) out.push_back({s[0], a_.units});
    return out;
  }

  // inputs: x, or x followed by the initial states (TF.js's apply([x, ...initialState])).
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    checkInputCount(inputs.size());
    return tidy([&] {
      Tensor x = inputs[0];
      if (x.rank() != 3) throw Error("Input should be at least 3D, but is " + std::to_string(x.rank()) + "D.");
      const int64_t batch = x.shape()[0];
      std::vector<Tensor> steps = unstack(x, 1);  // [batch, features] per time step
      if (a_.goBackwards) std::reverse(steps.begin(), steps.end());
      std::vector<Tensor> states(size_t(numStates()), zeros({batch, a_.units}));
      for (size_t i = 1; i < inputs.size(); ++i) {
        if (inputs[i].shape() != Shape{batch, a_.units})
          throw Error(getClassName() + " " + name_ + ": initial state " + std::to_string(i - 1) + " has shape " +
                      shapeToJsonString(inputs[i].shape()) + ", expected [" + std::to_string(batch) + "," +
                      std::to_string(a_.units) + "]");
        states[i - 1] = inputs[i];
      }
      Tensor inputMask, recurrentMask;
      if (kwargs.training && dropout_ > 0 && dropout_ < 1) inputMask = dropoutMask({batch, x.shape()[2]}, dropout_);
      if (kwargs.training && recurrentDropout_ > 0 && recurrentDropout_ < 1)
        recurrentMask = dropoutMask({batch, a_.units}, recurrentDropout_);
      std::vector<Tensor> outputs;
      Tensor last = states[0];
      for (Tensor& xt : steps) {
        if (inputMask.defined()) xt = mul(xt, inputMask);
        last = step(xt, states, recurrentMask);
        if (a_.returnSequences) outputs.push_back(last);
      }
      std::vector<Tensor> result{a_.returnSequences ? (outputs.empty() ? zeros({batch, 0, a_.units}) : stack(outputs, 1))
                                                    : last};
      if (a_.returnState) result.insert(result.end(), states.begin(), states.end());
      return result;
    });
  }

  ConfigDict getConfig() const override {
    Json c = toJson(LayerImpl::getConfig());
    Json own{{"units", a_.units}, {"activation", activations::serializeActivation(activation_)}};
    if (recurrentActivation_) own["recurrentActivation"] = activations::serializeActivation(recurrentActivation_);
    own["useBias"] = useBias_;
    own["kernelInitializer"] = toJson(initializers::serializeInitializer(kernelInit_));
    own["recurrentInitializer"] = toJson(initializers::serializeInitializer(recurrentInit_));
    own["biasInitializer"] = toJson(initializers::serializeInitializer(biasInit_));
    if (kind_ == Kind::LSTM && a_.unitForgetBias) own["unitForgetBias"] = *a_.unitForgetBias;
    own["kernelRegularizer"] = toJson(regularizers::serializeRegularizer(kernelReg_));
    own["recurrentRegularizer"] = toJson(regularizers::serializeRegularizer(recurrentReg_));
    own["biasRegularizer"] = toJson(regularizers::serializeRegularizer(biasReg_));
    own["activityRegularizer"] = toJson(regularizers::serializeRegularizer(activityRegularizer_));
    own["kernelConstraint"] = toJson(constraints::serializeConstraint(kernelConstraint_));
    own["recurrentConstraint"] = toJson(constraints::serializeConstraint(recurrentConstraint_));
    own["biasConstraint"] = toJson(constraints::serializeConstraint(biasConstraint_));
    own["dropout"] = jsonNumber(dropout_);
    own["recurrentDropout"] = jsonNumber(recurrentDropout_);
    if (kind_ != Kind::SimpleRNN && a_.implementation) own["implementation"] = *a_.implementation;
    if (kind_ == Kind::GRU) own["resetAfter"] = false;
    // TF.js: {name, trainable} of the cell, then the cell's fields, the rest of the layer's base
    // config, and the RNN's own fields.
    Json out{{"name", c["name"]}, {"trainable", c["trainable"]}};
    for (auto& [k, v] : own.items()) out[k] = v;
    for (auto& [k, v] : c.items()) out[k] = v;
    out["returnSequences"] = a_.returnSequences;
    out["returnState"] = a_.returnState;
    out["goBackwards"] = a_.goBackwards;
    out["stateful"] = a_.stateful;
    out["unroll"] = a_.unroll;
    return fromJson(std::move(out));
  }

 private:
  int numStates() const { return kind_ == Kind::LSTM ? 2 : 1; }
  void withStateSpecs(size_t inputs) {
    checkInputCount(inputs);
    inputSpec_.resize(1);
    for (size_t i = 1; i < inputs; ++i) {  // [batch, units] each
      InputSpec state;
      state.shape = {-1, a_.units};
      inputSpec_.push_back(state);
    }
  }
  void checkInputCount(size_t n) const {
    if (n != 1 && n != size_t(1 + numStates()))
      throw Error(getClassName() + " " + name_ + ": expects the input alone or with its " +
                  std::to_string(numStates()) + " initial state(s), got " + std::to_string(n) + " inputs");
  }

  // One time step: updates states, returns the step's output.
  Tensor step(const Tensor& x, std::vector<Tensor>& states, const Tensor& recurrentMask) const {
    Tensor h = recurrentMask.defined() ? mul(states[0], recurrentMask) : states[0];
    const int64_t u = a_.units;
    if (kind_ == Kind::SimpleRNN) {
      Tensor z = matMul(x, kernel_.read());
      if (bias_.defined()) z = add(z, bias_.read());
      Tensor out = activation_->apply(add(z, matMul(h, recurrentKernel_.read())));
      states[0] = out;
      return out;
    }
    if (kind_ == Kind::GRU) {
      Tensor mx = matMul(x, kernel_.read());
      if (bias_.defined()) mx = add(mx, bias_.read());
      auto rk = split(recurrentKernel_.read(), std::vector<int64_t>{2 * u, u}, 1);
      auto xs = split(mx, 3, 1);
      auto inner = split(matMul(h, rk[0]), 2, 1);
      Tensor z = recurrentActivation_->apply(add(xs[0], inner[0]));
      Tensor r = recurrentActivation_->apply(add(xs[1], inner[1]));
      Tensor hh = activation_->apply(add(xs[2], matMul(mul(r, h), rk[1])));
      // TF.js uses the (possibly dropped-out) previous output here too.
      Tensor out = add(mul(z, h), mul(add(neg(z), 1.0), hh));
      states[0] = out;
      return out;
    }
    Tensor z = add(matMul(x, kernel_.read()), matMul(h, recurrentKernel_.read()));
    if (bias_.defined()) z = add(z, bias_.read());
    auto g = split(z, 4, 1);
    Tensor i = recurrentActivation_->apply(g[0]);
    Tensor f = recurrentActivation_->apply(g[1]);
    Tensor c = add(mul(f, states[1]), mul(i, activation_->apply(g[2])));
    Tensor o = recurrentActivation_->apply(g[3]);
    Tensor out = mul(o, activation_->apply(c));
    states[0] = out;
    states[1] = c;
    return out;
  }

  layers::RecurrentLayerArgs a_;
  Kind kind_;
  activations::ActivationPtr activation_, recurrentActivation_;
  bool useBias_ = true;
  initializers::InitializerPtr kernelInit_, recurrentInit_, biasInit_;
  regularizers::RegularizerPtr kernelReg_, recurrentReg_, biasReg_;
  constraints::ConstraintPtr kernelConstraint_, recurrentConstraint_, biasConstraint_;
  double dropout_ = 0, recurrentDropout_ = 0;
  LayerVariable kernel_, recurrentKernel_, bias_;
};

layers::RecurrentLayerArgs argsFromConfig(const Json& c) {
  layers::RecurrentLayerArgs a;
  LayerArgs base = baseArgsFromConfig(c);
  a.name = base.name;
  a.trainable = base.trainable;
  a.batchInputShape = base.batchInputShape;
  a.dtype = base.dtype;
  a.units = c.at("units").get<int64_t>();
  if (c.contains("activation") && !c["activation"].is_null()) a.activation = c["activation"].get<std::string>();
  if (c.contains("recurrentActivation") && !c["recurrentActivation"].is_null())
    a.recurrentActivation = c["recurrentActivation"].get<std::string>();
  if (c.contains("useBias") && !c["useBias"].is_null()) a.useBias = c["useBias"].get<bool>();
  auto init = [&](const char* key) -> InitializerIdentifier {
    if (!c.contains(key) || c[key].is_null()) return {};
    return initializers::deserializeInitializer(sub(c, key));
  };
  a.kernelInitializer = init("kernelInitializer");
  a.recurrentInitializer = init("recurrentInitializer");
  a.biasInitializer = init("biasInitializer");
  if (c.contains("unitForgetBias") && !c["unitForgetBias"].is_null()) a.unitForgetBias = c["unitForgetBias"].get<bool>();
  a.kernelRegularizer = regularizers::deserializeRegularizer(sub(c, "kernelRegularizer"));
  a.recurrentRegularizer = regularizers::deserializeRegularizer(sub(c, "recurrentRegularizer"));
  a.biasRegularizer = regularizers::deserializeRegularizer(sub(c, "biasRegularizer"));
  a.activityRegularizer = regularizers::deserializeRegularizer(sub(c, "activityRegularizer"));
  a.kernelConstraint = constraints::deserializeConstraint(sub(c, "kernelConstraint"));
  a.recurrentConstraint = constraints::deserializeConstraint(sub(c, "recurrentConstraint"));
  a.biasConstraint = constraints::deserializeConstraint(sub(c, "biasConstraint"));
  if (auto v = optDouble(c, "dropout")) a.dropout = *v;
  if (auto v = optDouble(c, "recurrentDropout")) a.recurrentDropout = *v;
  if (auto v = optInt(c, "implementation")) a.implementation = int(*v);
  if (c.value("resetAfter", Json(false)).is_boolean() && c.value("resetAfter", false))
    throw Error("GRUCell does not support reset_after parameter set to true.");
  a.returnSequences = c.value("returnSequences", false);
  a.returnState = c.value("returnState", false);
  a.goBackwards = c.value("goBackwards", false);
  a.stateful = c.value("stateful", false);
  a.unroll = c.value("unroll", false);
  return a;
}

}  // namespace

namespace layers {
Layer simpleRNN(SimpleRNNLayerArgs args) { return Layer(std::make_shared<RecurrentImpl>(args, Kind::SimpleRNN)); }
Layer gru(GRULayerArgs args) { return Layer(std::make_shared<RecurrentImpl>(args, Kind::GRU)); }
Layer lstm(LSTMLayerArgs args) { return Layer(std::make_shared<RecurrentImpl>(args, Kind::LSTM)); }
}  // namespace layers

EF_REGISTER_LAYER("SimpleRNN", [](const ConfigDict& c) { return layers::simpleRNN(argsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("GRU", [](const ConfigDict& c) { return layers::gru(argsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("LSTM", [](const ConfigDict& c) { return layers::lstm(argsFromConfig(toJson(c))); });

}  // namespace edgeflow
