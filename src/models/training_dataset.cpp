// LayersModel.fitDataset and evaluateDataset (tfjs-layers' engine/training_dataset): training
// and evaluation on a dataset of {xs, ys} batches, through the same TrainingLoop as fit().
#include "edgeflow/engine.h"
#include "edgeflow/models.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "models/model_impl.h"
#include "models/training_loop.h"

namespace edgeflow {
namespace {

// The model that trains: a Sequential's inner functional model.
LayersModelImpl& trainingModel(const std::shared_ptr<LayerImpl>& impl, const char* what) {
  auto* m = dynamic_cast<LayersModelImpl*>(impl.get());
  if (!m) throw Error(std::string(what) + ": the handle is empty or not a model");
  if (auto* s = dynamic_cast<SequentialImpl*>(m)) {
    if (!s->model_ || !s->optimizer())
      throw Error("You must compile a model before training/testing. Use LayersModel.compile(modelCompileArgs).");
    return *s->model_;
  }
  if (!m->optimizer_)
    throw Error("You must compile a model before training/testing. Use LayersModel.compile(modelCompileArgs).");
  return *m;
}

struct Flag {
  explicit Flag(bool& f) : flag(f) { flag = true; }
  ~Flag() { flag = false; }
  bool& flag;
};

// [loss, metrics...] averaged over the examples of at most maxBatches batches (each batch's
// values weighted by its size).
std::vector<Tensor> evaluateBatches(LayersModelImpl& m, const data::Dataset<data::Example>& dataset,
                                    std::optional<int64_t> maxBatches) {
  auto it = dataset.iterator();
  std::vector<double> sums;
  int64_t examples = 0, batches = 0;
  while (!maxBatches || batches < *maxBatches) {
    auto batch = it->next();
    if (!batch) break;
    tidy([&] {
      auto d = m.standardizeUserData(batch->xs, batch->ys, {}, nullptr, true, std::nullopt);
      const int64_t size = d.inputs.at(0).shape()[0];
      auto outs = m.testFunction(d.inputs, d.targets, d.sampleWeights);
      sums.resize(outs.size(), 0.0);
      for (size_t i = 0; i < outs.size(); ++i) sums[i] += outs[i].dataSync<double>()[0] * double(size);
      examples += size;
    });
    ++batches;
  }
  if (examples == 0) throw Error("evaluateDataset: the dataset is empty (no batches)");
  std::vector<Tensor> out;
  for (double s : sums) out.push_back(scalar(s / double(examples)));
  return out;
}

}  // namespace

History LayersModel::fitDataset(const data::Dataset<data::Example>& dataset, const ModelFitDatasetArgs& args) const {
  LayersModelImpl& m = trainingModel(impl_, "fitDataset");
  if (args.epochs < 1)
    throw Error("For fitDataset(), config.epochs is expected to be a positive integer, but got " +
                std::to_string(args.epochs));
  if (args.batchesPerEpoch && *args.batchesPerEpoch < 1)
    throw Error("For fitDataset(), config.batchesPerEpoch is expected to be a positive integer if specified, but got " +
                std::to_string(*args.batchesPerEpoch));
  if (m.isTraining_) throw Error("Cannot start training because another fit() call is ongoing.");
  Flag training(m.isTraining_);

  const bool tensorValidation = !args.validationData.x.empty() || !args.validationData.y.empty();
  const bool doValidation = tensorValidation || args.validationDataset.has_value();
  m.checkTrainableWeightsConsistency();
  const auto outLabels = m.getDedupedMetricsNames();
  std::optional<int64_t> steps = args.batchesPerEpoch;
  if (!steps && dataset.size() && *dataset.size() != data::kInfinity) steps = *dataset.size();
  TrainingLoop loop(m, TrainingLoopArgs{.epochs = args.epochs,
                                        .initialEpoch = args.initialEpoch,
                                        .verbose = args.verbose,
                                        .steps = steps,
                                        .doValidation = doValidation,
                                        .outLabels = outLabels,
                                        .callbacks = args.callbacks});
  ModelFitArgs weighting;  // only for class weights
  weighting.classWeight = args.classWeight;
  auto validate = [&](Logs& epochLogs) {
    std::vector<Tensor> outs =
        tensorValidation ? m.evaluate(args.validationData.x, args.validationData.y,
                                      {.batchSize = args.validationBatchSize.value_or(32)})
                         : evaluateBatches(m, *args.validationDataset, args.validationBatches);
    scalarsToLogs(outLabels, outs, epochLogs, "val_");
  };

  loop.trainBegin();
  m.stopTraining_ = false;
  auto it = dataset.iterator();
  int64_t seen = 0;
  for (int epoch = args.initialEpoch; epoch < args.epochs; ++epoch) {
    loop.epochBegin(epoch);
    Logs epochLogs;
    if (!args.batchesPerEpoch) it = dataset.iterator();
    int64_t stepsDone = 0;
    int batchIndex = 0;
    while (!args.batchesPerEpoch || stepsDone < *args.batchesPerEpoch) {
      auto batch = it->next();
      if (!batch) {
        if (!args.batchesPerEpoch && seen == 0)
          throw Error("fitDataset: the dataset is empty (it yielded no batch)");
        if (!args.batchesPerEpoch && doValidation) validate(epochLogs);
        break;  // with batchesPerEpoch: the data ran out, training stops (TF.js warns)
      }
      const int64_t size = batch->xs.shape().empty() ? 1 : batch->xs.shape()[0];
      loop.runBatch(batchIndex, size, [&] {
        auto d = m.standardizeUserData(batch->xs, batch->ys, {}, &weighting, true, std::nullopt);
        return m.trainFunction(d.inputs, d.targets, d.sampleWeights);
      });
      ++batchIndex;
      ++stepsDone;
      ++seen;
      if (args.batchesPerEpoch && stepsDone >= *args.batchesPerEpoch && doValidation) validate(epochLogs);
      if (m.stopTraining_) break;
    }
    loop.epochEnd(epoch, epochLogs);
    if (m.stopTraining_ || (args.batchesPerEpoch && stepsDone < *args.batchesPerEpoch)) break;
  }
  return loop.trainEnd();
}

std::vector<Tensor> LayersModel::evaluateDataset(const data::Dataset<data::Example>& dataset,
                                                 const ModelEvaluateDatasetArgs& args) const {
  LayersModelImpl& m = trainingModel(impl_, "evaluateDataset");
  if (args.batches && *args.batches < 1)
    throw Error("evaluateDataset: batches must be a positive integer, got " + std::to_string(*args.batches));
  return evaluateBatches(m, dataset, args.batches);
}

}  // namespace edgeflow
