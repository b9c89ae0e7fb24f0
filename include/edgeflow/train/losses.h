// The losses and metrics of tfjs-layers: what compile({loss, metrics}) accepts by name, and
// tf.metrics. Each takes (yTrue, yPred) and returns one value per example (the last axis reduced)
// unless noted.
#pragma once
#include <concepts>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

using LossOrMetricFn = std::function<Tensor(const Tensor& yTrue, const Tensor& yPred)>;

// A loss or metric for compile(): a name ("meanSquaredError", "accuracy", ...) or a function.
class LossOrMetric {
 public:
  LossOrMetric() = default;
  LossOrMetric(const char* name) : name_(name) {}
  LossOrMetric(std::string name) : name_(std::move(name)) {}
  template <class F>
    requires(std::is_invocable_r_v<Tensor, F, const Tensor&, const Tensor&> &&
             !std::is_convertible_v<F, std::string>)
  LossOrMetric(F fn, std::string name = "") : name_(std::move(name)), fn_(std::move(fn)) {}

  bool empty() const { return name_.empty() && !fn_; }
  bool isName() const { return !fn_; }
  const std::string& name() const { return name_; }  // for a function: the name it is logged as
  const LossOrMetricFn& fn() const { return fn_; }

 private:
  std::string name_;
  LossOrMetricFn fn_;
};

}  // namespace edgeflow

// tfjs-layers' losses (its lossesMap).
namespace edgeflow::layers::losses {

Tensor meanSquaredError(const Tensor& yTrue, const Tensor& yPred);
Tensor meanAbsoluteError(const Tensor& yTrue, const Tensor& yPred);
Tensor meanAbsolutePercentageError(const Tensor& yTrue, const Tensor& yPred);
Tensor meanSquaredLogarithmicError(const Tensor& yTrue, const Tensor& yPred);
Tensor squaredHinge(const Tensor& yTrue, const Tensor& yPred);
Tensor hinge(const Tensor& yTrue, const Tensor& yPred);
Tensor categoricalHinge(const Tensor& yTrue, const Tensor& yPred);
Tensor logcosh(const Tensor& yTrue, const Tensor& yPred);
Tensor categoricalCrossentropy(const Tensor& yTrue, const Tensor& yPred, bool fromLogits = false);
Tensor sparseCategoricalCrossentropy(const Tensor& yTrue, const Tensor& yPred, bool fromLogits = false);
Tensor binaryCrossentropy(const Tensor& yTrue, const Tensor& yPred);
Tensor kullbackLeiblerDivergence(const Tensor& yTrue, const Tensor& yPred);
Tensor poisson(const Tensor& yTrue, const Tensor& yPred);
Tensor cosineProximity(const Tensor& yTrue, const Tensor& yPred);

// x / sqrt(max(sum(x^2, axis), epsilon)).
Tensor l2Normalize(const Tensor& x, int64_t axis = -1);
Tensor sigmoidCrossEntropyWithLogits(const Tensor& labels, const Tensor& logits);

// The loss of that name (the 14 above); unknown names throw, listing the valid ones.
LossOrMetricFn get(const std::string& name);
std::vector<std::string> names();

}  // namespace edgeflow::layers::losses

// tf.metrics.
namespace edgeflow::metrics {

Tensor binaryAccuracy(const Tensor& yTrue, const Tensor& yPred);
Tensor categoricalAccuracy(const Tensor& yTrue, const Tensor& yPred);
Tensor sparseCategoricalAccuracy(const Tensor& yTrue, const Tensor& yPred);
// 1 where the true class is among the k largest predictions (Keras's semantics; TF.js leaves
// these two unimplemented).
Tensor topKCategoricalAccuracy(const Tensor& yTrue, const Tensor& yPred, int64_t k = 5);
Tensor sparseTopKCategoricalAccuracy(const Tensor& yTrue, const Tensor& yPred, int64_t k = 5);
// Over the whole batch (scalars): predictions and labels are 0/1.
Tensor precision(const Tensor& yTrue, const Tensor& yPred);
Tensor recall(const Tensor& yTrue, const Tensor& yPred);
Tensor r2Score(const Tensor& yTrue, const Tensor& yPred);
Tensor binaryCrossentropy(const Tensor& yTrue, const Tensor& yPred);
Tensor categoricalCrossentropy(const Tensor& yTrue, const Tensor& yPred);
Tensor sparseCategoricalCrossentropy(const Tensor& yTrue, const Tensor& yPred);
Tensor meanSquaredError(const Tensor& yTrue, const Tensor& yPred);
Tensor meanAbsoluteError(const Tensor& yTrue, const Tensor& yPred);
Tensor meanAbsolutePercentageError(const Tensor& yTrue, const Tensor& yPred);
Tensor cosineProximity(const Tensor& yTrue, const Tensor& yPred);
inline Tensor MSE(const Tensor& t, const Tensor& p) { return meanSquaredError(t, p); }
inline Tensor mse(const Tensor& t, const Tensor& p) { return meanSquaredError(t, p); }
inline Tensor MAE(const Tensor& t, const Tensor& p) { return meanAbsoluteError(t, p); }
inline Tensor mae(const Tensor& t, const Tensor& p) { return meanAbsoluteError(t, p); }
inline Tensor MAPE(const Tensor& t, const Tensor& p) { return meanAbsolutePercentageError(t, p); }
inline Tensor mape(const Tensor& t, const Tensor& p) { return meanAbsolutePercentageError(t, p); }
inline Tensor cosine(const Tensor& t, const Tensor& p) { return cosineProximity(t, p); }

// The metric of that name as compile() resolves it (tfjs-layers' metricsMap plus the other
// metrics above); unknown names throw, listing the valid ones.
LossOrMetricFn get(const std::string& name);
std::vector<std::string> names();

}  // namespace edgeflow::metrics
