// tf.train optimizers: TF.js's update rules (tfjs-core/optimizers), slot by slot.
#include "edgeflow/train/optimizers.h"

#include <cmath>

#include "core/tensor_impl.h"
#include "edgeflow/engine.h"
#include "edgeflow/layers/config_json.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"

namespace edgeflow::train {
namespace {

using layers_internal::jsonNumber;
constexpr double kBackendEpsilon = 1e-7;  // ENGINE.backend.epsilon() for float32 backends

// The slot of variable i, created (zero-filled, or filled with `init`) on first use.
Variable slot(std::vector<std::optional<OptimizerSlot>>& slots, size_t i, const Variable& value,
              const std::string& suffix, double init = 0) {
  if (slots.size() <= i) slots.resize(i + 1);
  if (!slots[i]) {
    Variable v = tidy([&] {
      Tensor start = init == 0 ? zerosLike(value) : fill(value.shape(), init);
      return variable(start, false);
    });
    slots[i] = OptimizerSlot{value.name() + "/" + suffix, v};
  }
  return slots[i]->variable;
}

void appendSlots(std::vector<NamedTensor>& out, const std::vector<std::optional<OptimizerSlot>>& slots) {
  for (auto& s : slots)
    if (s) out.push_back({s->originalName, s->variable});
}

std::vector<std::optional<OptimizerSlot>> toSlots(const std::vector<NamedTensor>& w, size_t from, size_t count) {
  std::vector<std::optional<OptimizerSlot>> out;
  for (size_t i = from; i < from + count && i < w.size(); ++i)
    out.push_back(OptimizerSlot{w[i].name, variable(w[i].tensor, false)});
  return out;
}

void disposeSlots(std::vector<std::optional<OptimizerSlot>>& slots) {
  for (auto& s : slots)
    if (s && !s->variable.isDisposed()) s->variable.dispose();
  slots.clear();
}

double epsilonOr(const std::optional<double>& e) { return e ? *e : kBackendEpsilon; }

}  // namespace

// ---- Optimizer ----

Optimizer::~Optimizer() = default;

VariableGrads Optimizer::computeGradients(const std::function<Tensor()>& f, const std::vector<Variable>& varList) {
  std::vector<Variable> vars;
  for (auto& v : varList)
    if (v.trainable()) vars.push_back(v);
  if (!varList.empty() && vars.empty())
    throw Error("variableGrads() expects at least one of the input variables to be trainable, but none of the " +
                std::to_string(varList.size()) + " variables is trainable.");
  return variableGrads(f, vars);
}

Tensor Optimizer::minimize(const std::function<Tensor()>& f, bool returnCost, const std::vector<Variable>& varList) {
  VariableGrads r = computeGradients(f, varList);
  std::vector<std::pair<Variable, Tensor>> pairs;
  if (!varList.empty()) {
    for (auto& v : varList) {
      auto it = r.grads.find(v.name());
      pairs.emplace_back(v, it == r.grads.end() ? Tensor() : it->second);
    }
    applyGradients(pairs);
  } else {
    applyGradients(r.grads);
  }
  for (auto& [name, g] : r.grads) g.dispose();
  if (returnCost) return r.value;
  r.value.dispose();
  return Tensor();
}

void Optimizer::applyGradients(const std::map<std::string, Tensor>& gradientsByName) {
  std::vector<std::pair<Variable, Tensor>> pairs;
  auto vars = engine::trainableVariables();
  for (auto& entry : gradientsByName) {
    const std::string& name = entry.first;
    auto it = std::find_if(vars.begin(), vars.end(), [&](const Variable& v) { return v.name() == name; });
    if (it == vars.end()) throw Error("applyGradients: no trainable variable named " + name);
    pairs.emplace_back(*it, entry.second);
  }
  applyGradients(pairs);
}

std::vector<NamedTensor> Optimizer::getWeights() const {
  return {NamedTensor{"iter", scalar(double(iterations_), DType::int32)}};
}

void Optimizer::setWeights(const std::vector<NamedTensor>&) {
  throw Error("setWeights() is not implemented for this optimizer class " + getClassName());
}

std::vector<NamedTensor> Optimizer::extractIterations(const std::vector<NamedTensor>& weights) {
  if (weights.empty()) throw Error(getClassName() + ".setWeights: expected the iteration count first");
  iterations_ = static_cast<int64_t>(weights[0].tensor.dataSync<double>()[0]);
  return std::vector<NamedTensor>(weights.begin() + 1, weights.end());
}

void Optimizer::dispose() {}

// ---- SGD ----

SGDOptimizer::SGDOptimizer(double learningRate) : learningRate_(learningRate) { setLearningRate(learningRate); }

void SGDOptimizer::setLearningRate(double learningRate) {
  learningRate_ = learningRate;
  if (c_.defined()) c_.dispose();
  c_ = keep(scalar(-learningRate));
}

void SGDOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  for (auto& vgi : vg) {
    const Variable& value = vgi.first;
    const Tensor& gradient = vgi.second;
    if (!gradient.defined()) continue;
    tidy([&] { value.assign(add(mul(c_, gradient), value)); });
  }
  incrementIterations();
}

ConfigDict SGDOptimizer::getConfig() const { return fromJson(Json{{"learningRate", jsonNumber(learningRate_)}}); }

void SGDOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  if (!extractIterations(weights).empty()) throw Error("SGD optimizer does not have settable weights.");
}

void SGDOptimizer::dispose() {
  if (c_.defined()) c_.dispose();
}

// ---- Momentum ----

MomentumOptimizer::MomentumOptimizer(double learningRate, double momentum, bool useNesterov)
    : SGDOptimizer(learningRate), momentum_(momentum), useNesterov_(useNesterov), m_(keep(scalar(momentum))) {}

void MomentumOptimizer::setMomentum(double momentum) { momentum_ = momentum; }

void MomentumOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  for (size_t i = 0; i < vg.size(); ++i) {
    const Variable& value = vg[i].first;
    const Tensor& gradient = vg[i].second;
    Variable accumulation = slot(accumulations_, i, value, "momentum");
    if (!gradient.defined()) continue;
    tidy([&] {
      Tensor newAccumulation = add(mul(m_, accumulation), gradient);
      Tensor newValue = useNesterov_ ? add(mul(c_, add(gradient, mul(newAccumulation, m_))), value)
                                     : add(mul(c_, newAccumulation), value);
      accumulation.assign(newAccumulation);
      value.assign(newValue);
    });
  }
  incrementIterations();
}

ConfigDict MomentumOptimizer::getConfig() const {
  return fromJson(Json{{"learningRate", jsonNumber(learningRate_)},
                       {"momentum", jsonNumber(momentum_)},
                       {"useNesterov", useNesterov_}});
}

std::vector<NamedTensor> MomentumOptimizer::getWeights() const {
  auto out = Optimizer::getWeights();
  appendSlots(out, accumulations_);
  return out;
}

void MomentumOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  auto rest = extractIterations(weights);
  accumulations_ = toSlots(rest, 0, rest.size());
}

void MomentumOptimizer::dispose() {
  SGDOptimizer::dispose();
  if (m_.defined()) m_.dispose();
  disposeSlots(accumulations_);
}

// ---- RMSProp ----

RMSPropOptimizer::RMSPropOptimizer(double learningRate, double decay, double momentum, std::optional<double> epsilon,
                                   bool centered)
    : learningRate_(learningRate), decay_(decay), momentum_(momentum), epsilon_(epsilonOr(epsilon)),
      centered_(centered) {}

void RMSPropOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  for (size_t i = 0; i < vg.size(); ++i) {
    const Variable& value = vg[i].first;
    const Tensor& gradient = vg[i].second;
    Variable meanSquare = slot(meanSquares_, i, value, "rms");
    Variable moments = slot(moments_, i, value, "momentum");
    Variable meanGrad;
    if (centered_) meanGrad = slot(meanGrads_, i, value, "mg");
    if (!gradient.defined()) continue;
    tidy([&] {
      Tensor newMeanSquare = add(mul(meanSquare, decay_), mul(square(gradient), 1 - decay_));
      Tensor newMoments;
      if (centered_) {
        Tensor newMeanGrad = add(mul(meanGrad, decay_), mul(gradient, 1 - decay_));
        Tensor contribution =
            div(mul(gradient, learningRate_), sqrt(sub(newMeanSquare, add(square(newMeanGrad), epsilon_))));
        newMoments = add(mul(moments, momentum_), contribution);
        meanGrad.assign(newMeanGrad);
      } else {
        newMoments = add(mul(moments, momentum_), div(mul(gradient, learningRate_), sqrt(add(newMeanSquare, epsilon_))));
      }
      meanSquare.assign(newMeanSquare);
      moments.assign(newMoments);
      value.assign(sub(value, newMoments));
    });
  }
  incrementIterations();
}

ConfigDict RMSPropOptimizer::getConfig() const {
  return fromJson(Json{{"learningRate", jsonNumber(learningRate_)},
                       {"decay", jsonNumber(decay_)},
                       {"momentum", jsonNumber(momentum_)},
                       {"epsilon", jsonNumber(epsilon_)},
                       {"centered", centered_}});
}

std::vector<NamedTensor> RMSPropOptimizer::getWeights() const {
  auto out = Optimizer::getWeights();
  appendSlots(out, meanSquares_);
  appendSlots(out, moments_);
  if (centered_) appendSlots(out, meanGrads_);
  return out;
}

void RMSPropOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  auto rest = extractIterations(weights);
  size_t n = centered_ ? rest.size() / 3 : rest.size() / 2;
  meanSquares_ = toSlots(rest, 0, n);
  moments_ = toSlots(rest, n, n);
  if (centered_) meanGrads_ = toSlots(rest, 2 * n, n);
}

void RMSPropOptimizer::dispose() {
  disposeSlots(meanSquares_);
  disposeSlots(moments_);
  disposeSlots(meanGrads_);
}

// ---- Adam ----

AdamOptimizer::AdamOptimizer(double learningRate, double beta1, double beta2, std::optional<double> epsilon)
    : learningRate_(learningRate), beta1_(beta1), beta2_(beta2), epsilon_(epsilonOr(epsilon)) {
  accBeta1_ = tidy([&] { return variable(scalar(beta1)); });
  accBeta2_ = tidy([&] { return variable(scalar(beta2)); });
}

void AdamOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  tidy([&] {
    Tensor oneMinusAccBeta1 = sub(1.0, accBeta1_);
    Tensor oneMinusAccBeta2 = sub(1.0, accBeta2_);
    for (size_t i = 0; i < vg.size(); ++i) {
      const Variable& value = vg[i].first;
    const Tensor& gradient = vg[i].second;
      Variable firstMoment = slot(firstMoments_, i, value, "m");
      Variable secondMoment = slot(secondMoments_, i, value, "v");
      if (!gradient.defined()) continue;
      Tensor newFirstMoment = add(mul(firstMoment, beta1_), mul(gradient, 1 - beta1_));
      Tensor newSecondMoment = add(mul(secondMoment, beta2_), mul(square(gradient), 1 - beta2_));
      Tensor biasCorrectedFirstMoment = div(newFirstMoment, oneMinusAccBeta1);
      Tensor biasCorrectedSecondMoment = div(newSecondMoment, oneMinusAccBeta2);
      firstMoment.assign(newFirstMoment);
      secondMoment.assign(newSecondMoment);
      Tensor update = mul(div(biasCorrectedFirstMoment, add(sqrt(biasCorrectedSecondMoment), epsilon_)), -learningRate_);
      value.assign(add(update, value));
    }
    accBeta1_.assign(mul(accBeta1_, beta1_));
    accBeta2_.assign(mul(accBeta2_, beta2_));
  });
  incrementIterations();
}

ConfigDict AdamOptimizer::getConfig() const {
  return fromJson(Json{{"learningRate", jsonNumber(learningRate_)},
                       {"beta1", jsonNumber(beta1_)},
                       {"beta2", jsonNumber(beta2_)},
                       {"epsilon", jsonNumber(epsilon_)}});
}

std::vector<NamedTensor> AdamOptimizer::getWeights() const {
  auto out = Optimizer::getWeights();
  appendSlots(out, firstMoments_);
  appendSlots(out, secondMoments_);
  return out;
}

void AdamOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  auto rest = extractIterations(weights);
  tidy([&] {
    accBeta1_.assign(pow(scalar(beta1_), double(iterations_ + 1)));
    accBeta2_.assign(pow(scalar(beta2_), double(iterations_ + 1)));
  });
  size_t n = rest.size() / 2;
  firstMoments_ = toSlots(rest, 0, n);
  secondMoments_ = toSlots(rest, n, n);
}

void AdamOptimizer::dispose() {
  if (!accBeta1_.isDisposed()) accBeta1_.dispose();
  if (!accBeta2_.isDisposed()) accBeta2_.dispose();
  disposeSlots(firstMoments_);
  disposeSlots(secondMoments_);
}

// ---- Adadelta ----

AdadeltaOptimizer::AdadeltaOptimizer(double learningRate, double rho, std::optional<double> epsilon)
    : learningRate_(learningRate), rho_(rho), epsilon_(epsilonOr(epsilon)) {}

void AdadeltaOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  for (size_t i = 0; i < vg.size(); ++i) {
    const Variable& value = vg[i].first;
    const Tensor& gradient = vg[i].second;
    Variable accumulatedGrad = slot(accumulatedGrads_, i, value, "accum_grad");
    Variable accumulatedUpdate = slot(accumulatedUpdates_, i, value, "accum_var");
    if (!gradient.defined()) continue;
    tidy([&] {
      Tensor newAccumulatedGrad = add(mul(accumulatedGrad, rho_), mul(square(gradient), 1 - rho_));
      // As TF.js: the update uses the accumulated gradient from before this step.
      Tensor updates =
          mul(div(sqrt(add(accumulatedUpdate, epsilon_)), sqrt(add(accumulatedGrad, epsilon_))), gradient);
      Tensor newAccumulatedUpdate = add(mul(accumulatedUpdate, rho_), mul(square(updates), 1 - rho_));
      accumulatedGrad.assign(newAccumulatedGrad);
      accumulatedUpdate.assign(newAccumulatedUpdate);
      value.assign(add(mul(updates, -learningRate_), value));
    });
  }
  incrementIterations();
}

ConfigDict AdadeltaOptimizer::getConfig() const {
  return fromJson(
      Json{{"learningRate", jsonNumber(learningRate_)}, {"rho", jsonNumber(rho_)}, {"epsilon", jsonNumber(epsilon_)}});
}

std::vector<NamedTensor> AdadeltaOptimizer::getWeights() const {
  auto out = Optimizer::getWeights();
  appendSlots(out, accumulatedGrads_);
  appendSlots(out, accumulatedUpdates_);
  return out;
}

void AdadeltaOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  auto rest = extractIterations(weights);
  size_t n = rest.size() / 2;
  accumulatedGrads_ = toSlots(rest, 0, n);
  accumulatedUpdates_ = toSlots(rest, n, n);
}

void AdadeltaOptimizer::dispose() {
  disposeSlots(accumulatedGrads_);
  disposeSlots(accumulatedUpdates_);
}

// ---- Adamax ----

AdamaxOptimizer::AdamaxOptimizer(double learningRate, double beta1, double beta2, std::optional<double> epsilon,
                                 double decay)
    : learningRate_(learningRate), beta1_(beta1), beta2_(beta2), epsilon_(epsilonOr(epsilon)), decay_(decay) {
  iteration_ = tidy([&] { return variable(scalar(0)); });
  accBeta1_ = tidy([&] { return variable(scalar(beta1)); });
}

void AdamaxOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  tidy([&] {
    Tensor oneMinusAccBeta1 = sub(1.0, accBeta1_);
    Tensor lr = div(-learningRate_, add(mul(iteration_, decay_), 1.0));
    for (size_t i = 0; i < vg.size(); ++i) {
      const Variable& value = vg[i].first;
    const Tensor& gradient = vg[i].second;
      Variable firstMoment = slot(firstMoments_, i, value, "m");
      Variable weightedInfNorm = slot(weightedInfNorms_, i, value, "v");
      if (!gradient.defined()) continue;
      Tensor newFirstMoment = add(mul(firstMoment, beta1_), mul(gradient, 1 - beta1_));
      Tensor newWeightedInfNorm = maximum(mul(weightedInfNorm, beta2_), abs(gradient));
      firstMoment.assign(newFirstMoment);
      weightedInfNorm.assign(newWeightedInfNorm);
      Tensor update = mul(div(lr, oneMinusAccBeta1), div(newFirstMoment, add(newWeightedInfNorm, epsilon_)));
      value.assign(add(update, value));
    }
    iteration_.assign(add(iteration_, 1.0));
    accBeta1_.assign(mul(accBeta1_, beta1_));
  });
  incrementIterations();
}

ConfigDict AdamaxOptimizer::getConfig() const {
  return fromJson(Json{{"learningRate", jsonNumber(learningRate_)},
                       {"beta1", jsonNumber(beta1_)},
                       {"beta2", jsonNumber(beta2_)},
                       {"epsilon", jsonNumber(epsilon_)},
                       {"decay", jsonNumber(decay_)}});
}

std::vector<NamedTensor> AdamaxOptimizer::getWeights() const {
  auto out = Optimizer::getWeights();
  appendSlots(out, firstMoments_);
  appendSlots(out, weightedInfNorms_);
  return out;
}

void AdamaxOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  auto rest = extractIterations(weights);
  tidy([&] {
    iteration_.assign(scalar(double(iterations_)));
    accBeta1_.assign(pow(scalar(beta1_), double(iterations_ + 1)));
  });
  size_t n = rest.size() / 2;
  firstMoments_ = toSlots(rest, 0, n);
  weightedInfNorms_ = toSlots(rest, n, n);
}

void AdamaxOptimizer::dispose() {
  if (!iteration_.isDisposed()) iteration_.dispose();
  if (!accBeta1_.isDisposed()) accBeta1_.dispose();
  disposeSlots(firstMoments_);
  disposeSlots(weightedInfNorms_);
}

// ---- Adagrad ----

AdagradOptimizer::AdagradOptimizer(double learningRate, double initialAccumulatorValue)
    : learningRate_(learningRate), initialAccumulatorValue_(initialAccumulatorValue) {}

void AdagradOptimizer::applyGradients(const std::vector<std::pair<Variable, Tensor>>& vg) {
  for (size_t i = 0; i < vg.size(); ++i) {
    const Variable& value = vg[i].first;
    const Tensor& gradient = vg[i].second;
    if (accumulatedGrads_.size() <= i) accumulatedGrads_.resize(i + 1);
    if (!accumulatedGrads_[i]) {
      Variable v = tidy([&] { return variable(fill(value.shape(), initialAccumulatorValue_), false); });
      accumulatedGrads_[i] = OptimizerSlot{value.name() + "/accumulator", v};
    }
    Variable accumulatedGrad = accumulatedGrads_[i]->variable;
    if (!gradient.defined()) continue;
    tidy([&] {
      Tensor newAccumulatedGrad = add(accumulatedGrad, square(gradient));
      accumulatedGrad.assign(newAccumulatedGrad);
      Tensor update = mul(div(gradient, sqrt(add(newAccumulatedGrad, kBackendEpsilon))), -learningRate_);
      value.assign(add(update, value));
    });
  }
  incrementIterations();
}

ConfigDict AdagradOptimizer::getConfig() const {
  return fromJson(Json{{"learningRate", jsonNumber(learningRate_)},
                       {"initialAccumulatorValue", jsonNumber(initialAccumulatorValue_)}});
}

std::vector<NamedTensor> AdagradOptimizer::getWeights() const {
  auto out = Optimizer::getWeights();
  appendSlots(out, accumulatedGrads_);
  return out;
}

void AdagradOptimizer::setWeights(const std::vector<NamedTensor>& weights) {
  auto rest = extractIterations(weights);
  accumulatedGrads_ = toSlots(rest, 0, rest.size());
}

void AdagradOptimizer::dispose() { disposeSlots(accumulatedGrads_); }

// ---- constructors ----

std::shared_ptr<SGDOptimizer> sgd(double learningRate) { return std::make_shared<SGDOptimizer>(learningRate); }
std::shared_ptr<MomentumOptimizer> momentum(double learningRate, double momentum, bool useNesterov) {
  return std::make_shared<MomentumOptimizer>(learningRate, momentum, useNesterov);
}
std::shared_ptr<RMSPropOptimizer> rmsprop(double learningRate, double decay, double momentum,
                                          std::optional<double> epsilon, bool centered) {
  return std::make_shared<RMSPropOptimizer>(learningRate, decay, momentum, epsilon, centered);
}
std::shared_ptr<AdamOptimizer> adam(double learningRate, double beta1, double beta2, std::optional<double> epsilon) {
  return std::make_shared<AdamOptimizer>(learningRate, beta1, beta2, epsilon);
}
std::shared_ptr<AdadeltaOptimizer> adadelta(double learningRate, double rho, std::optional<double> epsilon) {
  return std::make_shared<AdadeltaOptimizer>(learningRate, rho, epsilon);
}
std::shared_ptr<AdamaxOptimizer> adamax(double learningRate, double beta1, double beta2, std::optional<double> epsilon,
                                        double decay) {
  return std::make_shared<AdamaxOptimizer>(learningRate, beta1, beta2, epsilon, decay);
}
std::shared_ptr<AdagradOptimizer> adagrad(double learningRate, double initialAccumulatorValue) {
  return std::make_shared<AdagradOptimizer>(learningRate, initialAccumulatorValue);
}

std::vector<std::string> optimizerNames() {
  return {"Adagrad", "Adadelta", "Adam", "Adamax", "RMSProp", "SGD",
          "adagrad", "adadelta", "adam", "adamax", "rmsprop", "sgd"};
}

OptimizerPtr getOptimizer(const std::string& name) {
  // tfjs-layers' defaults for optimizers made from a name.
  if (name == "Adagrad" || name == "adagrad") return adagrad(0.01);
  if (name == "Adadelta" || name == "adadelta") return adadelta(1, 0.95, kBackendEpsilon);
  if (name == "Adam" || name == "adam") return adam(0.001, 0.9, 0.999, kBackendEpsilon);
  if (name == "Adamax" || name == "adamax") return adamax(0.002, 0.9, 0.999, kBackendEpsilon, 0);
  if (name == "RMSProp" || name == "rmsprop") return rmsprop(0.001, 0.9, 0, kBackendEpsilon);
  if (name == "SGD" || name == "sgd") return sgd(0.01);
  throw Error("Unknown Optimizer " + name + ". Valid optimizers are: " + layers_internal::joinNames(optimizerNames()));
}

}  // namespace edgeflow::train
