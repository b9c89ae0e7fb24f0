// Models: tf.sequential, tf.model (functional), tf.input, and LayersModel's compile / fit /
// evaluate / predict.
//
//   auto model = edgeflow::sequential();
//   model.add(edgeflow::layers::dense({.units = 1, .inputShape = {1}}));
//   model.compile({.optimizer = "sgd", .loss = "meanSquaredError"});
//   auto history = model.fit(xs, ys, {.epochs = 500});
//   model.predict(edgeflow::tensor2d({{10}})).print();
#pragma once
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/data/dataset.h"
#include "edgeflow/data/xy.h"
#include "edgeflow/layers/layer.h"
#include "edgeflow/train/callbacks.h"
#include "edgeflow/train/losses.h"
#include "edgeflow/train/optimizers.h"

namespace edgeflow {

class LayersModel;
class Sequential;

// tf.input: a symbolic input of a functional model. shape excludes the batch dimension.
struct InputConfig {
  Shape shape{};
  Shape batchShape{};  // with the batch dimension (-1 = any); give shape or batchShape
  std::string name{};
  std::optional<DType> dtype{};
  bool sparse = false;
};
SymbolicTensor input(InputConfig config);

// tf.model: a functional model from its inputs to its outputs.
struct ContainerArgs {
  std::vector<SymbolicTensor> inputs{};
  std::vector<SymbolicTensor> outputs{};
  std::string name{};
};
LayersModel model(ContainerArgs args);

struct SequentialArgs {
  std::vector<Layer> layers{};
  std::string name{};
};
Sequential sequential(SequentialArgs args = {});

// A model's data (TF.js's Tensor | Tensor[] | {[name]: Tensor}): one tensor, one per
// input/output in order, or by input/output name.
class ModelData {
 public:
  ModelData() = default;
  ModelData(const Tensor& t) : list_{t} {}
  ModelData(std::vector<Tensor> ts) : list_(std::move(ts)), isList_(true) {}
  ModelData(std::initializer_list<Tensor> ts) : list_(ts), isList_(true) {}
  ModelData(std::map<std::string, Tensor> named) : named_(std::move(named)), isNamed_(true) {}

  bool empty() const { return list_.empty() && named_.empty(); }
  bool isList() const { return isList_; }
  bool isNamed() const { return isNamed_; }
  const std::vector<Tensor>& list() const { return list_; }
  const std::map<std::string, Tensor>& named() const { return named_; }

 private:
  std::vector<Tensor> list_{};
  std::map<std::string, Tensor> named_{};
  bool isList_ = false;
  bool isNamed_ = false;
};

// compile()'s loss: one for all outputs, one per output, or by output name.
class LossSpec {
 public:
  LossSpec() = default;
  LossSpec(const char* name) : list_{LossOrMetric(name)} {}
  LossSpec(std::string name) : list_{LossOrMetric(std::move(name))} {}
  template <class F>
    requires(std::is_invocable_r_v<Tensor, F, const Tensor&, const Tensor&> &&
             !std::is_convertible_v<F, std::string>)
  LossSpec(F fn) : list_{LossOrMetric(std::move(fn))} {}
  LossSpec(LossOrMetric loss) : list_{std::move(loss)} {}
  LossSpec(std::initializer_list<LossOrMetric> perOutput) : list_(perOutput), isList_(true) {}
  LossSpec(std::vector<LossOrMetric> perOutput) : list_(std::move(perOutput)), isList_(true) {}
  LossSpec(std::map<std::string, LossOrMetric> byOutputName) : named_(std::move(byOutputName)), isNamed_(true) {}

  bool empty() const { return list_.empty() && named_.empty(); }
  bool isList() const { return isList_; }
  bool isNamed() const { return isNamed_; }
  const std::vector<LossOrMetric>& list() const { return list_; }
  const std::map<std::string, LossOrMetric>& named() const { return named_; }

 private:
  std::vector<LossOrMetric> list_{};
  std::map<std::string, LossOrMetric> named_{};
  bool isList_ = false;
  bool isNamed_ = false;
};

// compile()'s metrics: a list applied to every output, or lists by output name.
class MetricsSpec {
 public:
  MetricsSpec() = default;
  MetricsSpec(const char* name) : list_{LossOrMetric(name)} {}
  MetricsSpec(std::string name) : list_{LossOrMetric(std::move(name))} {}
  MetricsSpec(LossOrMetric metric) : list_{std::move(metric)} {}
  MetricsSpec(std::initializer_list<LossOrMetric> metrics) : list_(metrics) {}
  MetricsSpec(std::vector<LossOrMetric> metrics) : list_(std::move(metrics)) {}
  MetricsSpec(std::map<std::string, std::vector<LossOrMetric>> byOutputName)
      : named_(std::move(byOutputName)), isNamed_(true) {}

  bool empty() const { return list_.empty() && named_.empty(); }
  bool isNamed() const { return isNamed_; }
  const std::vector<LossOrMetric>& list() const { return list_; }
  const std::map<std::string, std::vector<LossOrMetric>>& named() const { return named_; }

 private:
  std::vector<LossOrMetric> list_{};
  std::map<std::string, std::vector<LossOrMetric>> named_{};
  bool isNamed_ = false;
};

struct ModelCompileArgs {
  OptimizerIdentifier optimizer{};// "sgd", "adam", ... or train::adam(0.01)
  LossSpec loss{};                // "meanSquaredError", ... or a function (yTrue, yPred) -> loss
  MetricsSpec metrics{};            // "accuracy", "mse", ... or functions
};

struct ValidationData {
  ModelData x{};
  ModelData y{};
};

// Class weights: class index -> weight, for one output or by output name.
using ClassWeight = std::map<int64_t, double>;

struct ModelFitArgs {
  std::optional<int64_t> batchSize{};  // default 32
  int epochs = 1;
  int verbose = 1;  // 0: silent, 1: a Keras-style line per epoch
  CustomCallbackArgs callbacks{};
  double validationSplit = 0;     // the LAST fraction of the data validates (before shuffling)
  ValidationData validationData{};  // takes precedence over validationSplit
  bool shuffle = true;
  ClassWeight classWeight{};
  std::map<std::string, ClassWeight> classWeightByOutput{};
  ModelData sampleWeight{};// one weight per example (per output)
  int initialEpoch = 0;
  std::optional<int64_t> stepsPerEpoch{};// batches per epoch (repeats the data; one pass if unset)
  std::optional<int64_t> validationSteps{};
};

struct ModelEvaluateArgs {
  std::optional<int64_t> batchSize{};  // default 32
  int verbose = 0;
  ModelData sampleWeight{};
  std::optional<int64_t> steps{};
};

// fitDataset(): the dataset yields batches {xs, ys} (e.g. csv(...).map(...).batch(n)).
struct ModelFitDatasetArgs {
  std::optional<int64_t> batchesPerEpoch{};  // default: one pass over the dataset per epoch
  int epochs = 1;
  int verbose = 1;
  CustomCallbackArgs callbacks{};
  ValidationData validationData{};                           // tensors, evaluated after each epoch
  std::optional<data::Dataset<data::Example>> validationDataset{};  // or a dataset of batches
  std::optional<int64_t> validationBatchSize{};             // for tensor validation data; default 32
  std::optional<int64_t> validationBatches{};               // for a validation dataset; default all
  ClassWeight classWeight{};
  int initialEpoch = 0;
};

struct ModelEvaluateDatasetArgs {
  std::optional<int64_t> batches{};  // default: the whole dataset
  int verbose = 0;
};

struct ModelPredictArgs {
  std::optional<int64_t> batchSize{};  // default 32
  bool verbose = false;
};

// A model (tf.LayersModel): a Layer made of layers, which can be compiled and trained.
class LayersModel : public Layer {
 public:
  LayersModel() = default;
  explicit LayersModel(std::shared_ptr<LayerImpl> impl);  // throws unless impl is a model
  explicit LayersModel(const Layer& layer);

  void compile(const ModelCompileArgs& args) const;
  History fit(const ModelData& x, const ModelData& y, const ModelFitArgs& args = {}) const;
  // The loss, then the metrics, each a scalar averaged over the data.
  std::vector<Tensor> evaluate(const ModelData& x, const ModelData& y, const ModelEvaluateArgs& args = {}) const;
  // Training and evaluation on a dataset of batches (tf.LayersModel.fitDataset/evaluateDataset).
  History fitDataset(const data::Dataset<data::Example>& dataset, const ModelFitDatasetArgs& args = {}) const;
  std::vector<Tensor> evaluateDataset(const data::Dataset<data::Example>& dataset,
                                      const ModelEvaluateDatasetArgs& args = {}) const;
  Tensor predict(const ModelData& x, const ModelPredictArgs& args = {}) const;  // single-output models
  std::vector<Tensor> predictMulti(const ModelData& x, const ModelPredictArgs& args = {}) const;
  Tensor predictOnBatch(const ModelData& x) const;
  std::vector<Tensor> predictOnBatchMulti(const ModelData& x) const;
  // One optimizer step on this batch; returns the loss then the metrics.
  std::vector<double> trainOnBatch(const ModelData& x, const ModelData& y) const;

  // Prints Keras's table of layers, output shapes and parameter counts. printFn gets each line.
  void summary(std::optional<int> lineLength = std::nullopt, std::vector<double> positions = {},
               const std::function<void(const std::string&)>& printFn = {}) const;

  std::vector<Layer> layers() const;
  Layer getLayer(const std::string& name) const;
  Layer getLayer(int index) const;
  std::vector<SymbolicTensor> inputs() const;
  std::vector<SymbolicTensor> outputs() const;
  std::vector<std::string> inputNames() const;
  std::vector<std::string> outputNames() const;
  std::vector<std::string> metricsNames() const;
  bool stopTraining() const;
  void setStopTraining(bool stop) const;
  train::OptimizerPtr optimizer() const;
  void setOptimizer(const train::OptimizerPtr& optimizer) const;
  bool isTraining() const;
  // TF.js's model.toJSON(): {"className", "config", "kerasVersion", "backend"}.
  ConfigDict toJSON() const;
  // What compile() was given, as TF.js saves it with includeOptimizer: {"loss", "metrics",
  // "optimizer_config": {"class_name", "config"}}; losses and metrics by snake_case name. Throws
  // before compile() and for a loss given as a function.
  ConfigDict getTrainingConfig() const;
  // compile() from such a config (TF.js's loadTrainingConfig, used by loadLayersModel).
  void loadTrainingConfig(const ConfigDict& trainingConfig) const;
  // The weights under their original names ("dense_Dense1/kernel"), as TF.js's getNamedWeights.
  std::vector<train::NamedTensor> getNamedWeights(bool trainableOnly = false) const;
  // Sets weights by original name (TF.js's loadWeights); strict: every weight and no extra name.
  void loadWeights(const std::map<std::string, Tensor>& weights, bool strict = true) const;
};

// tf.Sequential: a linear stack of layers.
class Sequential : public LayersModel {
 public:
  Sequential() = default;
  explicit Sequential(std::shared_ptr<LayerImpl> impl);
  void add(const Layer& layer) const;
  void pop() const;
};

// Rebuilds a model from model.toJSON() / getConfig() (tf.models.modelFromJSON without weights).
LayersModel modelFromJSON(const ConfigDict& modelTopology);

}  // namespace edgeflow
