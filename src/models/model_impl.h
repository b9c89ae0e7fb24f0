// The model classes behind LayersModel and Sequential handles (tfjs-layers' Container,
// LayersModel, Sequential). Internal.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "edgeflow/models.h"

namespace edgeflow {

// A graph of layers from input tensors to output tensors, usable as a layer.
class ContainerImpl : public LayerImpl {
 public:
  ContainerImpl(const ContainerArgs& args, const std::string& className);

  std::string getClassName() const override { return className_; }
  bool trainable() const override { return trainable_; }
  void setTrainable(bool trainable) override;
  std::vector<LayerVariable> trainableWeights() const override;
  std::vector<LayerVariable> nonTrainableWeights() const override;
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override;
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override;
  std::vector<Tensor> calculateLosses() override;
  ConfigDict getConfig() const override;
  bool stateful() const override;
  void resetStates() override;
  DisposeResult dispose() override;

  std::shared_ptr<LayerImpl> getLayer(const std::string& name) const;
  std::shared_ptr<LayerImpl> getLayer(int index) const;
  static std::string nodeKey(const LayerImpl& layer, int nodeIndex);

  // The graph (TF.js's container fields).
  std::vector<SymbolicTensor> inputs_, outputs_;
  std::vector<std::shared_ptr<LayerImpl>> inputLayers_, outputLayers_;
  std::vector<int> inputLayersNodeIndices_, inputLayersTensorIndices_;
  std::vector<int> outputLayersNodeIndices_, outputLayersTensorIndices_;
  std::vector<std::shared_ptr<LayerImpl>> layers_;
  std::vector<std::shared_ptr<LayerImpl>> internalContainerRefs_;
  std::map<int, std::vector<Node*>> nodesByDepth_;
  std::set<std::string> containerNodes_;
  std::vector<std::string> inputNames_, outputNames_, feedInputNames_;
  std::vector<Shape> feedInputShapes_, internalInputShapes_, internalOutputShapes_;

 protected:
  explicit ContainerImpl(const std::string& className);  // an empty graph (Sequential)
  void initGraph(const std::vector<SymbolicTensor>& inputs, const std::vector<SymbolicTensor>& outputs);
  std::map<std::string, int> buildNodeConversionMap() const;
  std::string className_;
};

// One loss or metric as compile() resolved it.
struct ResolvedFn {
  LossOrMetricFn fn;
  std::string name;  // the built-in's name ("meanSquaredError"), or "" for a user function
};

class LayersModelImpl : public ContainerImpl {
 public:
  LayersModelImpl(const ContainerArgs& args, const std::string& className = "Model") : ContainerImpl(args, className) {}

  virtual void compile(const ModelCompileArgs& args);
  virtual History fit(const ModelData& x, const ModelData& y, const ModelFitArgs& args);
  virtual std::vector<Tensor> evaluate(const ModelData& x, const ModelData& y, const ModelEvaluateArgs& args);
  virtual std::vector<Tensor> predict(const ModelData& x, const ModelPredictArgs& args);
  virtual std::vector<Tensor> predictOnBatch(const ModelData& x);
  virtual std::vector<double> trainOnBatch(const ModelData& x, const ModelData& y);
  void summary(std::optional<int> lineLength, std::vector<double> positions,
               const std::function<void(const std::string&)>& printFn);
  DisposeResult dispose() override;
  ConfigDict toJSON() const;

  virtual bool stopTraining() const { return stopTraining_; }
  virtual void setStopTraining(bool stop) { stopTraining_ = stop; }
  virtual train::OptimizerPtr optimizer() const { return optimizer_; }
  virtual void setOptimizer(const train::OptimizerPtr& optimizer);
  virtual std::vector<std::string> metricsNames() const { return metricsNames_; }
  virtual bool isTraining() const { return isTraining_; }

  virtual ConfigDict getTrainingConfig() const;
  void loadTrainingConfig(const ConfigDict& trainingConfig);

  // compile() state.
  std::optional<ModelCompileArgs> compileArgs_;  // as given, for getTrainingConfig()
  train::OptimizerPtr optimizer_;
  bool isOptimizerOwned_ = false;
  std::vector<ResolvedFn> lossFunctions_;
  std::vector<std::string> feedOutputNames_;
  std::vector<Shape> feedOutputShapes_;
  std::vector<std::string> metricsNames_;
  std::vector<std::pair<ResolvedFn, int>> metricsTensors_;  // (metric, output index)
  // Set by compile() (TF.js's collectedTrainableWeights, null until then); a Sequential's outer
  // model never compiles itself, so it stays unset there.
  std::optional<std::vector<LayerVariable>> collectedTrainableWeights_;
  bool stopTraining_ = false;
  bool isTraining_ = false;

  // Training internals (training.cpp).
  struct Data {
    std::vector<Tensor> inputs, targets, sampleWeights;  // sampleWeights: one per output, may be undefined
  };
  Data standardizeUserData(const ModelData& x, const ModelData& y, const ModelData& sampleWeight,
                           const ModelFitArgs* fitArgs, bool checkBatchAxis, std::optional<int64_t> batchSize);
  // One optimizer step on a batch: [total loss, metrics...] (kept scalars).
  std::vector<Tensor> trainFunction(const std::vector<Tensor>& inputs, const std::vector<Tensor>& targets,
                                    const std::vector<Tensor>& sampleWeights);
  // [loss, metrics...] on a batch, without training.
  std::vector<Tensor> testFunction(const std::vector<Tensor>& inputs, const std::vector<Tensor>& targets,
                                   const std::vector<Tensor>& sampleWeights);
  std::vector<Tensor> testLoop(const Data& data, int64_t batchSize);
  std::vector<Tensor> predictLoop(const std::vector<Tensor>& inputs, int64_t batchSize);
  std::vector<std::string> getDedupedMetricsNames() const;
  void checkTrainableWeightsConsistency() const;
};

class SequentialImpl : public LayersModelImpl {
 public:
  explicit SequentialImpl(const SequentialArgs& args);

  void add(const Layer& layer);
  void pop();
  void build(const std::vector<Shape>& inputShapes) override;
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override;
  int64_t countParams() override;
  void setWeights(const std::vector<Tensor>& weights) override;
  ConfigDict getConfig() const override;

  void compile(const ModelCompileArgs& args) override;
  History fit(const ModelData& x, const ModelData& y, const ModelFitArgs& args) override;
  std::vector<Tensor> evaluate(const ModelData& x, const ModelData& y, const ModelEvaluateArgs& args) override;
  std::vector<Tensor> predict(const ModelData& x, const ModelPredictArgs& args) override;
  std::vector<Tensor> predictOnBatch(const ModelData& x) override;
  std::vector<double> trainOnBatch(const ModelData& x, const ModelData& y) override;
  bool stopTraining() const override;
  void setStopTraining(bool stop) override;
  train::OptimizerPtr optimizer() const override;
  void setOptimizer(const train::OptimizerPtr& optimizer) override;
  std::vector<std::string> metricsNames() const override;
  bool isTraining() const override;

  std::shared_ptr<LayersModelImpl> model_;  // the functional model built from the stack

 private:
  void ensureBuilt();
  void checkShape(const LayerImpl& layer) const;
};

}  // namespace edgeflow
