// The cells of tfjs-layers' layers/recurrent: SimpleRNNCell, GRUCell and LSTMCell. A cell owns
// the weights (kernel, recurrent_kernel, bias as TF.js names them) and computes one time step.
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
#include "layers/conv_common.h"
#include "layers/rnn_cell.h"
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

// Inverted dropout of a tensor of ones: the mask applied at every step of a sequence.
Tensor dropoutMask(const Shape& shape, double rate) {
  const double keep = 1 - rate;
  return div(floor(add(randomUniform(shape, 0, 1), keep)), keep);
}

class CellImpl : public RNNCellImpl {
 public:
  CellImpl(const layers::RNNCellLayerArgs& a, Kind kind) : RNNCellImpl(layerArgsOf(a)), a_(a), kind_(kind) {
    if (a.units < 1) throw Error("Expected units to be a positive integer, but got " + std::to_string(a.units) + ".");
    activation_ = activations::getActivation(a.activation.value_or("tanh"));
    if (kind_ != Kind::SimpleRNN)
      recurrentActivation_ = activations::getActivation(a.recurrentActivation.value_or("hardSigmoid"));
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
  }

  std::string getClassName() const override {
    return kind_ == Kind::SimpleRNN ? "SimpleRNNCell" : kind_ == Kind::GRU ? "GRUCell" : "LSTMCell";
  }

  std::vector<int64_t> stateSize() const override {
    return kind_ == Kind::LSTM ? std::vector<int64_t>{a_.units, a_.units} : std::vector<int64_t>{a_.units};
  }

  void build(const std::vector<Shape>& shapes) override {
    const int64_t inputDim = shapes.at(0).empty() ? -1 : shapes[0].back();
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
    built_ = true;
  }

  void resetDropoutMasks() override {
    inputMask_ = Tensor();
    recurrentMask_ = Tensor();
  }

  std::vector<Tensor> step(const std::vector<Tensor>& inputs, bool training) override {
    Tensor x = inputs.at(0), h = inputs.at(1);
    if (training && dropout_ > 0 && dropout_ < 1 && !inputMask_.defined()) inputMask_ = dropoutMask(x.shape(), dropout_);
    if (training && recurrentDropout_ > 0 && recurrentDropout_ < 1 && !recurrentMask_.defined())
      recurrentMask_ = dropoutMask(h.shape(), recurrentDropout_);
    if (inputMask_.defined()) x = mul(x, inputMask_);
    if (recurrentMask_.defined()) h = mul(h, recurrentMask_);
    const int64_t u = a_.units;
    if (kind_ == Kind::SimpleRNN) {
      Tensor z = matMul(x, kernel_.read());
      if (bias_.defined()) z = add(z, bias_.read());
      Tensor out = activation_->apply(add(z, matMul(h, recurrentKernel_.read())));
      return {out, out};
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
      return {out, out};
    }
    Tensor z = add(matMul(x, kernel_.read()), matMul(h, recurrentKernel_.read()));
    if (bias_.defined()) z = add(z, bias_.read());
    auto g = split(z, 4, 1);
    Tensor i = recurrentActivation_->apply(g[0]);
    Tensor f = recurrentActivation_->apply(g[1]);
    Tensor c = add(mul(f, inputs.at(2)), mul(i, activation_->apply(g[2])));
    Tensor o = recurrentActivation_->apply(g[3]);
    Tensor out = mul(o, activation_->apply(c));
    return {out, out, c};
  }

  ConfigDict getConfig() const override {
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
    // TF.js: {...baseConfig, ...config}.
    Json out = toJson(LayerImpl::getConfig());
    for (auto& [k, v] : own.items()) out[k] = v;
    return fromJson(std::move(out));
  }

 private:
  layers::RNNCellLayerArgs a_;
  Kind kind_;
  activations::ActivationPtr activation_, recurrentActivation_;
  bool useBias_ = true;
  initializers::InitializerPtr kernelInit_, recurrentInit_, biasInit_;
  regularizers::RegularizerPtr kernelReg_, recurrentReg_, biasReg_;
  constraints::ConstraintPtr kernelConstraint_, recurrentConstraint_, biasConstraint_;
  double dropout_ = 0, recurrentDropout_ = 0;
  LayerVariable kernel_, recurrentKernel_, bias_;
  Tensor inputMask_, recurrentMask_;
};

}  // namespace

layers::RNNCellLayerArgs layers_internal::cellArgsFromConfig(const Json& c) {
  layers::RNNCellLayerArgs a = withBaseFromConfig(layers::RNNCellLayerArgs{}, c);
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
  return a;
}

namespace layers {
Layer simpleRNNCell(SimpleRNNCellLayerArgs args) { return Layer(std::make_shared<CellImpl>(args, Kind::SimpleRNN)); }
Layer gruCell(GRUCellLayerArgs args) { return Layer(std::make_shared<CellImpl>(args, Kind::GRU)); }
Layer lstmCell(LSTMCellLayerArgs args) { return Layer(std::make_shared<CellImpl>(args, Kind::LSTM)); }
}  // namespace layers

EF_REGISTER_LAYER("SimpleRNNCell", [](const ConfigDict& c) { return layers::simpleRNNCell(cellArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("GRUCell", [](const ConfigDict& c) { return layers::gruCell(cellArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("LSTMCell", [](const ConfigDict& c) { return layers::lstmCell(cellArgsFromConfig(toJson(c))); });

}  // namespace edgeflow
