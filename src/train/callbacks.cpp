// History, EarlyStopping and the internal callbacks, as tfjs-layers' base_callbacks/callbacks.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <sstream>

#include "edgeflow/models.h"
#include "train/callback_list.h"

namespace edgeflow {

// ---- History ----

void History::onTrainBegin(Logs&) {
  epoch.clear();
  history.clear();
}

void History::onEpochEnd(int e, Logs& logs) {
  epoch.push_back(e);
  for (auto& [k, v] : logs) history[k].push_back(v);
}

// ---- EarlyStopping ----

EarlyStopping::EarlyStopping(EarlyStoppingCallbackArgs args) : args_(std::move(args)) {
  if (args_.monitor.empty()) args_.monitor = "val_loss";
  if (args_.mode != "auto" && args_.mode != "min" && args_.mode != "max") {
    std::cerr << "EarlyStopping mode '" << args_.mode << "' is invalid. Falling back to mode 'auto'.\n";
    args_.mode = "auto";
  }
  maximize_ = args_.mode == "max" || (args_.mode == "auto" && args_.monitor.find("acc") != std::string::npos);
  minDelta_ = std::fabs(args_.minDelta) * (maximize_ ? 1 : -1);
}

bool EarlyStopping::improved(double current, double best) const {
  return maximize_ ? current > best : current < best;
}

void EarlyStopping::onTrainBegin(Logs&) {
  wait_ = 0;
  stoppedEpoch_ = 0;
  bestWeights_.clear();
  best_ = args_.baseline ? *args_.baseline
                         : (maximize_ ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
}

void EarlyStopping::onEpochEnd(int epoch, Logs& logs) {
  auto it = logs.find(args_.monitor);
  if (it == logs.end()) {
    std::string keys;
    for (auto& [k, v] : logs) {
      if (!keys.empty()) keys += ',';
      keys += k;
    }
    std::cerr << "Metric for EarlyStopping " << args_.monitor << " is not available. Available metrics are: " << keys
              << "\n";
    return;
  }
  double current = it->second;
  if (improved(current - minDelta_, best_)) {
    best_ = current;
    wait_ = 0;
    if (args_.restoreBestWeights && model) {
      bestWeights_.clear();
      for (auto& w : model->getWeights()) bestWeights_.push_back(w.clone());
    }
    return;
  }
  if (++wait_ >= args_.patience) {
    stoppedEpoch_ = epoch;
    if (model) {
      model->setStopTraining(true);
      if (args_.restoreBestWeights && !bestWeights_.empty()) model->setWeights(bestWeights_);
    }
  }
}

void EarlyStopping::onTrainEnd(Logs&) {
  if (stoppedEpoch_ > 0 && args_.verbose) std::cout << "Epoch " << stoppedEpoch_ << ": early stopping.\n";
  bestWeights_.clear();
}

namespace callbacks {
std::shared_ptr<EarlyStopping> earlyStopping(EarlyStoppingCallbackArgs args) {
  return std::make_shared<EarlyStopping>(std::move(args));
}
}  // namespace callbacks

// ---- BaseLogger: sample-weighted epoch averages of the batch logs ----

void BaseLogger::onEpochBegin(int, Logs&) {
  seen_ = 0;
  totals_.clear();
}

void BaseLogger::onBatchEnd(int, Logs& logs) {
  double size = logs.count("size") ? logs["size"] : 0;
  seen_ += size;
  for (auto& [k, v] : logs) totals_[k] += v * size;
}

void BaseLogger::onEpochEnd(int, Logs& logs) {
  for (auto& key : params.metrics) {
    auto it = totals_.find(key);
    if (it != totals_.end()) logs[key] = it->second / seen_;
  }
}

// ---- CustomCallback ----

void CustomCallback::onTrainBegin(Logs& l) {
  if (args_.onTrainBegin) args_.onTrainBegin(l);
}
void CustomCallback::onTrainEnd(Logs& l) {
  if (args_.onTrainEnd) args_.onTrainEnd(l);
}
void CustomCallback::onEpochBegin(int e, Logs& l) {
  if (args_.onEpochBegin) args_.onEpochBegin(e, l);
}
void CustomCallback::onEpochEnd(int e, Logs& l) {
  if (args_.onEpochEnd) args_.onEpochEnd(e, l);
}
void CustomCallback::onBatchBegin(int b, Logs& l) {
  if (args_.onBatchBegin) args_.onBatchBegin(b, l);
}
void CustomCallback::onBatchEnd(int b, Logs& l) {
  if (args_.onBatchEnd) args_.onBatchEnd(b, l);
}

// ---- ProgbarLogger ----

void ProgbarLogger::onEpochBegin(int epoch, Logs&) {
  std::cout << "Epoch " << epoch + 1 << "/" << params.epochs << "\n";
  start_ = std::chrono::steady_clock::now();
  steps_ = 0;
}

void ProgbarLogger::onBatchEnd(int, Logs&) { ++steps_; }

void ProgbarLogger::onEpochEnd(int, Logs& logs) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::ostringstream line;
  line << steps_ << "/" << steps_ << " [" << std::string(30, '=') << "] - " << std::lround(seconds) << "s ";
  double perStep = steps_ > 0 ? seconds / double(steps_) : 0;
  if (perStep >= 1)
    line << std::lround(perStep) << "s/step";
  else if (perStep >= 1e-3)
    line << std::lround(perStep * 1e3) << "ms/step";
  else
    line << std::lround(perStep * 1e6) << "us/step";
  for (auto& key : params.metrics) {
    auto it = logs.find(key);
    if (it == logs.end()) continue;
    char buf[64];
    std::snprintf(buf, sizeof buf, std::fabs(it->second) > 1e-3 ? "%.4f" : "%.4e", it->second);
    line << " - " << key << ": " << buf;
  }
  std::cout << line.str() << "\n";
}

// ---- CallbackRunner ----

void CallbackRunner::setParams(const CallbackParams& p) {
  for (auto& c : callbacks) c->setParams(p);
}
void CallbackRunner::setModel(LayersModel* m) {
  for (auto& c : callbacks) c->setModel(m);
}
void CallbackRunner::onTrainBegin(Logs& l) {
  for (auto& c : callbacks) c->onTrainBegin(l);
}
void CallbackRunner::onTrainEnd(Logs& l) {
  for (auto& c : callbacks) c->onTrainEnd(l);
}
void CallbackRunner::onEpochBegin(int e, Logs& l) {
  for (auto& c : callbacks) c->onEpochBegin(e, l);
}
void CallbackRunner::onEpochEnd(int e, Logs& l) {
  for (auto& c : callbacks) c->onEpochEnd(e, l);
}
void CallbackRunner::onBatchBegin(int b, Logs& l) {
  for (auto& c : callbacks) c->onBatchBegin(b, l);
}
void CallbackRunner::onBatchEnd(int b, Logs& l) {
  for (auto& c : callbacks) c->onBatchEnd(b, l);
}

}  // namespace edgeflow
