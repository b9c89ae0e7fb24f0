// The epoch/batch loop of fit(), separated from where batches come from so that fitDataset can
// drive it with a dataset's batches. Internal.
//
//   TrainingLoop loop(model, {...});
//   loop.trainBegin();
//   for (epoch...) {
//     loop.epochBegin(epoch);
//     for (batch...) loop.runBatch(b, size, [&] { return model.trainFunction(...); });
//     loop.epochEnd(epoch, epochLogs);  // epochLogs may hold val_* entries
//     if (loop.stopRequested()) break;
//   }
//   History h = loop.trainEnd();
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/models.h"
#include "train/callback_list.h"

namespace edgeflow {

class LayersModelImpl;

struct TrainingLoopArgs {
  int epochs = 1;
  int initialEpoch = 0;
  int verbose = 1;
  std::optional<int64_t> samples{};
  std::optional<int64_t> steps{};
  std::optional<int64_t> batchSize{};
  bool doValidation = false;
  std::vector<std::string> outLabels{};  // "loss", metric names (deduplicated)
  CustomCallbackArgs callbacks{};
};

class TrainingLoop {
 public:
  TrainingLoop(LayersModelImpl& model, const TrainingLoopArgs& args);
  ~TrainingLoop();

  void trainBegin();
  void epochBegin(int epoch);
  // Runs one batch: onBatchBegin, step() -> [loss, metrics...] scalars, onBatchEnd.
  void runBatch(int batchIndex, int64_t size, const std::function<std::vector<Tensor>()>& step);
  void epochEnd(int epoch, Logs& epochLogs);
  bool stopRequested() const;
  History trainEnd();

  const std::vector<std::string>& outLabels() const { return args_.outLabels; }

 private:
  LayersModelImpl& model_;
  TrainingLoopArgs args_;
  LayersModel handle_;  // what callbacks see as their model
  CallbackRunner runner_;
  std::shared_ptr<History> history_;
};

// Reads scalars' values into logs under the given labels (and disposes them).
void scalarsToLogs(const std::vector<std::string>& labels, const std::vector<Tensor>& values, Logs& logs,
                   const std::string& prefix = "");

}  // namespace edgeflow
