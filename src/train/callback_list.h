// The callbacks fit() runs besides the user's: BaseLogger (epoch averages), CustomCallback (the
// function-style callbacks) and ProgbarLogger (verbose output). Internal.
#pragma once
#include <chrono>
#include <memory>
#include <vector>

#include "edgeflow/train/callbacks.h"

namespace edgeflow {

class BaseLogger : public Callback {
 public:
  void onEpochBegin(int epoch, Logs& logs) override;
  void onBatchEnd(int batch, Logs& logs) override;
  void onEpochEnd(int epoch, Logs& logs) override;

 private:
  double seen_ = 0;
  Logs totals_;
};

class CustomCallback : public Callback {
 public:
  explicit CustomCallback(CustomCallbackArgs args) : args_(std::move(args)) {}
  void onTrainBegin(Logs& logs) override;
  void onTrainEnd(Logs& logs) override;
  void onEpochBegin(int epoch, Logs& logs) override;
  void onEpochEnd(int epoch, Logs& logs) override;
  void onBatchBegin(int batch, Logs& logs) override;
  void onBatchEnd(int batch, Logs& logs) override;

 private:
  CustomCallbackArgs args_;
};

// Keras-style progress: "Epoch 3/10" then "4/4 [=====] - 0s 2ms/step - loss: 0.1234".
class ProgbarLogger : public Callback {
 public:
  void onEpochBegin(int epoch, Logs& logs) override;
  void onBatchEnd(int batch, Logs& logs) override;
  void onEpochEnd(int epoch, Logs& logs) override;

 private:
  std::chrono::steady_clock::time_point start_;
  int64_t steps_ = 0;
};

// Runs a list of callbacks in order.
class CallbackRunner {
 public:
  std::vector<CallbackPtr> callbacks;
  void setParams(const CallbackParams& p);
  void setModel(LayersModel* m);
  void onTrainBegin(Logs& logs);
  void onTrainEnd(Logs& logs);
  void onEpochBegin(int epoch, Logs& logs);
  void onEpochEnd(int epoch, Logs& logs);
  void onBatchBegin(int batch, Logs& logs);
  void onBatchEnd(int batch, Logs& logs);
};

}  // namespace edgeflow
