// Training callbacks: Callback, History, EarlyStopping and the function-style callbacks of
// model.fit({.callbacks = {.onEpochEnd = [](int epoch, const edgeflow::Logs& logs) {...}}}).
#pragma once
#include <concepts>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

class LayersModel;

// Loss and metric values by name ("loss", "acc", "val_loss", ...); batch logs also carry "batch"
// and "size".
using Logs = std::map<std::string, double>;

// What fit() tells its callbacks (TF.js's callback params).
struct CallbackParams {
  int epochs = 0;
  int initialEpoch = 0;
  std::optional<int64_t> samples{};
  std::optional<int64_t> steps{};
  std::optional<int64_t> batchSize{};
  int verbose = 0;
  bool doValidation = false;
  std::vector<std::string> metrics{};  // the log keys fit() reports
};

// Base class of callbacks (tf.Callback). model is set for the duration of fit().
class Callback {
 public:
  virtual ~Callback() = default;
  virtual void setParams(const CallbackParams& p) { params = p; }
  virtual void setModel(LayersModel* m) { model = m; }
  virtual void onTrainBegin(Logs& logs) {}
  virtual void onTrainEnd(Logs& logs) {}
  virtual void onEpochBegin(int epoch, Logs& logs) {}
  virtual void onEpochEnd(int epoch, Logs& logs) {}
  virtual void onBatchBegin(int batch, Logs& logs) {}
  virtual void onBatchEnd(int batch, Logs& logs) {}

  CallbackParams params{};
  LayersModel* model = nullptr;
};
using CallbackPtr = std::shared_ptr<Callback>;

// What fit() returns: the epoch-end logs, per key, epoch by epoch.
class History : public Callback {
 public:
  void onTrainBegin(Logs& logs) override;
  void onEpochEnd(int epoch, Logs& logs) override;

  std::vector<int> epoch{};
  std::map<std::string, std::vector<double>> history{};
};

struct EarlyStoppingCallbackArgs {
  std::string monitor = "val_loss";
  double minDelta = 0;  // changes smaller than this are no improvement
  int patience = 0;     // epochs without improvement before stopping
  int verbose = 0;
  std::string mode = "auto";  // "auto" | "min" | "max" ("auto": max if monitor contains "acc")
  std::optional<double> baseline{};
  bool restoreBestWeights = false;  // Keras's; TF.js leaves it unimplemented
};

class EarlyStopping : public Callback {
 public:
  explicit EarlyStopping(EarlyStoppingCallbackArgs args = {});
  void onTrainBegin(Logs& logs) override;
  void onEpochEnd(int epoch, Logs& logs) override;
  void onTrainEnd(Logs& logs) override;

  int stoppedEpoch() const { return stoppedEpoch_; }
  double best() const { return best_; }

 private:
  bool improved(double current, double best) const;
  EarlyStoppingCallbackArgs args_{};
  bool maximize_ = false;
  double minDelta_ = 0;
  int wait_ = 0;
  int stoppedEpoch_ = 0;
  double best_ = 0;
  std::vector<Tensor> bestWeights_{};
};

namespace callbacks {
std::shared_ptr<EarlyStopping> earlyStopping(EarlyStoppingCallbackArgs args = {});
}

// A list of callback objects; converts from one callback or a braced list of them.
class CallbackList : public std::vector<CallbackPtr> {
 public:
  CallbackList() = default;
  template <class C>
    requires std::derived_from<C, Callback>
  CallbackList(std::shared_ptr<C> callback) {
    push_back(std::move(callback));
  }
  CallbackList(std::initializer_list<CallbackPtr> callbacks) : std::vector<CallbackPtr>(callbacks) {}
  CallbackList(std::vector<CallbackPtr> callbacks) : std::vector<CallbackPtr>(std::move(callbacks)) {}
};

// fit()'s callbacks: callback objects and/or functions (TF.js's CustomCallbackArgs).
//   .callbacks = {.onEpochEnd = [](int epoch, const edgeflow::Logs& logs) {...}}
//   .callbacks = {edgeflow::callbacks::earlyStopping({.monitor = "val_loss", .patience = 3})}
struct CustomCallbackArgs {
  CallbackList objects{};
  std::function<void(const Logs& logs)> onTrainBegin{};
  std::function<void(const Logs& logs)> onTrainEnd{};
  std::function<void(int epoch, const Logs& logs)> onEpochBegin{};
  std::function<void(int epoch, const Logs& logs)> onEpochEnd{};
  std::function<void(int batch, const Logs& logs)> onBatchBegin{};
  std::function<void(int batch, const Logs& logs)> onBatchEnd{};
};

}  // namespace edgeflow
