// tf.train: the optimizers, with TF.js's update rules and defaults.
//
//   model.compile({.optimizer = edgeflow::train::adam(0.01), .loss = "meanSquaredError"});
//
// Each optimizer keeps its slot variables (moments, accumulators) per position in the list of
// variables it is given, as TF.js does.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "edgeflow/autograd.h"
#include "edgeflow/layers/config.h"
#include "edgeflow/tensor.h"

namespace edgeflow::train {

struct NamedTensor {
  std::string name{};
  Tensor tensor{};
};

class Optimizer {
 public:
  virtual ~Optimizer();
  // Computes the gradients of f() (a scalar) with respect to varList (default: every trainable
  // variable; non-trainable ones in varList get none) and applies them. Returns f()'s value if
  // returnCost, else an undefined Tensor.
  Tensor minimize(const std::function<Tensor()>& f, bool returnCost = false, const std::vector<Variable>& varList = {});
  VariableGrads computeGradients(const std::function<Tensor()>& f, const std::vector<Variable>& varList = {});
  // One update per (variable, gradient); an undefined gradient skips its variable.
  virtual void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) = 0;
  // Gradients by variable name (what variableGrads returns); the variables must be trainable.
  void applyGradients(const std::map<std::string, Tensor>& gradientsByName);

  int64_t iterations() const { return iterations_; }
  virtual std::string getClassName() const = 0;
  virtual ConfigDict getConfig() const = 0;
  // The optimizer's state: "iter" first, then its slot variables.
  virtual std::vector<NamedTensor> getWeights() const;
  virtual void setWeights(const std::vector<NamedTensor>& weights);
  virtual void dispose();

 protected:
  void incrementIterations() { ++iterations_; }
  std::vector<NamedTensor> extractIterations(const std::vector<NamedTensor>& weights);
  int64_t iterations_ = 0;
};
using OptimizerPtr = std::shared_ptr<Optimizer>;

// A slot variable of an optimizer ("<var>/m", ...), created on first use.
struct OptimizerSlot {
  std::string originalName{};
  Variable variable{};
};

class SGDOptimizer : public Optimizer {
 public:
  explicit SGDOptimizer(double learningRate);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  void setLearningRate(double learningRate);
  double learningRate() const { return learningRate_; }
  std::string getClassName() const override { return "SGD"; }
  ConfigDict getConfig() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 protected:
  double learningRate_{};
  Tensor c_{};  // -learningRate
};

class MomentumOptimizer : public SGDOptimizer {
 public:
  MomentumOptimizer(double learningRate, double momentum, bool useNesterov = false);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  void setMomentum(double momentum);
  std::string getClassName() const override { return "Momentum"; }
  ConfigDict getConfig() const override;
  std::vector<NamedTensor> getWeights() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 private:
  double momentum_{};
  bool useNesterov_{};
  Tensor m_{};
  std::vector<std::optional<OptimizerSlot>> accumulations_{};
};

class RMSPropOptimizer : public Optimizer {
 public:
  RMSPropOptimizer(double learningRate, double decay = 0.9, double momentum = 0.0,
                   std::optional<double> epsilon = std::nullopt, bool centered = false);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  std::string getClassName() const override { return "RMSProp"; }
  ConfigDict getConfig() const override;
  std::vector<NamedTensor> getWeights() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 private:
  double learningRate_, decay_, momentum_, epsilon_;
  bool centered_{};
  std::vector<std::optional<OptimizerSlot>> meanSquares_, moments_, meanGrads_;
};

class AdamOptimizer : public Optimizer {
 public:
  AdamOptimizer(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
                std::optional<double> epsilon = std::nullopt);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  std::string getClassName() const override { return "Adam"; }
  ConfigDict getConfig() const override;
  std::vector<NamedTensor> getWeights() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 private:
  double learningRate_, beta1_, beta2_, epsilon_;
  Variable accBeta1_, accBeta2_;
  std::vector<std::optional<OptimizerSlot>> firstMoments_, secondMoments_;
};

class AdadeltaOptimizer : public Optimizer {
 public:
  AdadeltaOptimizer(double learningRate = 0.001, double rho = 0.95, std::optional<double> epsilon = std::nullopt);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  std::string getClassName() const override { return "Adadelta"; }
  ConfigDict getConfig() const override;
  std::vector<NamedTensor> getWeights() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 private:
  double learningRate_, rho_, epsilon_;
  std::vector<std::optional<OptimizerSlot>> accumulatedGrads_, accumulatedUpdates_;
};

class AdamaxOptimizer : public Optimizer {
 public:
  AdamaxOptimizer(double learningRate = 0.002, double beta1 = 0.9, double beta2 = 0.999,
                  std::optional<double> epsilon = std::nullopt, double decay = 0.0);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  std::string getClassName() const override { return "Adamax"; }
  ConfigDict getConfig() const override;
  std::vector<NamedTensor> getWeights() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 private:
  double learningRate_, beta1_, beta2_, epsilon_, decay_;
  Variable iteration_, accBeta1_;
  std::vector<std::optional<OptimizerSlot>> firstMoments_, weightedInfNorms_;
};

class AdagradOptimizer : public Optimizer {
 public:
  AdagradOptimizer(double learningRate, double initialAccumulatorValue = 0.1);
  void applyGradients(const std::vector<std::pair<Variable, Tensor>>& variableGradients) override;
  using Optimizer::applyGradients;
  std::string getClassName() const override { return "Adagrad"; }
  ConfigDict getConfig() const override;
  std::vector<NamedTensor> getWeights() const override;
  void setWeights(const std::vector<NamedTensor>& weights) override;
  void dispose() override;

 private:
  double learningRate_, initialAccumulatorValue_;
  std::vector<std::optional<OptimizerSlot>> accumulatedGrads_{};
};

// tf.train.* constructors (TF.js's defaults; epsilon nullopt = the backend's epsilon, 1e-7).
std::shared_ptr<SGDOptimizer> sgd(double learningRate);
std::shared_ptr<MomentumOptimizer> momentum(double learningRate, double momentum, bool useNesterov = false);
std::shared_ptr<RMSPropOptimizer> rmsprop(double learningRate, double decay = 0.9, double momentum = 0.0,
                                          std::optional<double> epsilon = std::nullopt, bool centered = false);
std::shared_ptr<AdamOptimizer> adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
                                    std::optional<double> epsilon = std::nullopt);
std::shared_ptr<AdadeltaOptimizer> adadelta(double learningRate = 0.001, double rho = 0.95,
                                            std::optional<double> epsilon = std::nullopt);
std::shared_ptr<AdamaxOptimizer> adamax(double learningRate = 0.002, double beta1 = 0.9, double beta2 = 0.999,
                                        std::optional<double> epsilon = std::nullopt, double decay = 0.0);
std::shared_ptr<AdagradOptimizer> adagrad(double learningRate, double initialAccumulatorValue = 0.1);

// The optimizer compile() makes for a name ("sgd", "adam", "Adam", "rmsprop", ...), with
// tfjs-layers' defaults. Unknown names throw, listing the valid ones.
OptimizerPtr getOptimizer(const std::string& name);
// An optimizer from its class name ("Adam") and getConfig() (TF.js's deserialize of a saved
// training config's optimizer_config).
OptimizerPtr optimizerFromConfig(const std::string& className, const ConfigDict& config);
std::vector<std::string> optimizerNames();

}  // namespace edgeflow::train

namespace edgeflow {
using OptimizerIdentifier = Identifier<train::Optimizer>;
}
