// tf.metrics (tfjs-layers' metrics.js), plus top-k accuracies and r2Score.
#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/selection.h"
#include "edgeflow/ops/unary.h"
#include "edgeflow/train/losses.h"
#include "layers/common.h"

namespace edgeflow::metrics {

Tensor binaryAccuracy(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor threshold = mul(0.5, onesLike(yPred));
    Tensor thresholded = cast(greater(yPred, threshold), yTrue.dtype());
    return mean(equal(yTrue, thresholded), Axes(-1));
  });
}

Tensor categoricalAccuracy(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return cast(equal(argMax(yTrue, -1), argMax(yPred, -1)), DType::float32); });
}

namespace {
Tensor countWhere(const Tensor& yTrue, double t, const Tensor& yPred, double p) {
  return cast(sum(logicalAnd(equal(yTrue, t), equal(yPred, p))), DType::float32);
}
Tensor ratio(const Tensor& tp, const Tensor& other) {
  Tensor denominator = add(tp, other);
  return cast(where(greater(denominator, 0.0), div(tp, denominator), 0.0), DType::float32);
}
// The class labels of sparse targets: [batch] int32.
Tensor sparseLabels(const Tensor& yTrue, const Tensor& yPred) {
  Tensor t = yTrue.rank() == yPred.rank() ? squeeze(yTrue, {int64_t(yTrue.rank() - 1)}) : yTrue;
  return cast(t, DType::int32);
}
Tensor inTopK(const Tensor& yPred, const Tensor& labels, int64_t k) {
  Tensor indices = topk(yPred, std::min<int64_t>(k, yPred.shape().back())).indices;
  return cast(any(equal(indices, expandDims(labels, -1)), Axes(-1)), DType::float32);
}
}  // namespace

Tensor precision(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return ratio(countWhere(yTrue, 1, yPred, 1), countWhere(yTrue, 0, yPred, 1)); });
}

Tensor recall(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return ratio(countWhere(yTrue, 1, yPred, 1), countWhere(yTrue, 1, yPred, 0)); });
}

Tensor sparseCategoricalAccuracy(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor t = yTrue.rank() == yPred.rank() ? squeeze(yTrue, {int64_t(yTrue.rank() - 1)}) : yTrue;
    Tensor p = argMax(yPred, -1);
    if (p.dtype() != t.dtype()) p = cast(p, t.dtype());
    return cast(equal(t, p), DType::float32);
  });
}

Tensor topKCategoricalAccuracy(const Tensor& yTrue, const Tensor& yPred, int64_t k) {
  return tidy([&] { return inTopK(yPred, argMax(yTrue, -1), k); });
}

Tensor sparseTopKCategoricalAccuracy(const Tensor& yTrue, const Tensor& yPred, int64_t k) {
  return tidy([&] { return inTopK(yPred, sparseLabels(yTrue, yPred), k); });
}

Tensor r2Score(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor ssRes = sum(square(sub(yTrue, yPred)));
    Tensor ssTot = sum(square(sub(yTrue, mean(yTrue))));
    return sub(scalar(1), div(ssRes, ssTot));
  });
}

Tensor binaryCrossentropy(const Tensor& t, const Tensor& p) { return layers::losses::binaryCrossentropy(t, p); }
Tensor categoricalCrossentropy(const Tensor& t, const Tensor& p) {
  return layers::losses::categoricalCrossentropy(t, p);
}
Tensor sparseCategoricalCrossentropy(const Tensor& t, const Tensor& p) {
  return layers::losses::sparseCategoricalCrossentropy(t, p);
}
Tensor meanSquaredError(const Tensor& t, const Tensor& p) { return layers::losses::meanSquaredError(t, p); }
Tensor meanAbsoluteError(const Tensor& t, const Tensor& p) { return layers::losses::meanAbsoluteError(t, p); }
Tensor meanAbsolutePercentageError(const Tensor& t, const Tensor& p) {
  return layers::losses::meanAbsolutePercentageError(t, p);
}
Tensor cosineProximity(const Tensor& t, const Tensor& p) { return layers::losses::cosineProximity(t, p); }

namespace {
using Fn = Tensor (*)(const Tensor&, const Tensor&);
Tensor topK5(const Tensor& t, const Tensor& p) { return topKCategoricalAccuracy(t, p, 5); }
Tensor sparseTopK5(const Tensor& t, const Tensor& p) { return sparseTopKCategoricalAccuracy(t, p, 5); }
const std::vector<std::pair<std::string, Fn>>& table() {
  static const std::vector<std::pair<std::string, Fn>> t = {
      // tfjs-layers' metricsMap
      {"binaryAccuracy", binaryAccuracy},
      {"categoricalAccuracy", categoricalAccuracy},
      {"precision", precision},
      {"categoricalCrossentropy", categoricalCrossentropy},
      {"sparseCategoricalCrossentropy", sparseCategoricalCrossentropy},
      {"mse", meanSquaredError},
      {"MSE", meanSquaredError},
      {"mae", meanAbsoluteError},
      {"MAE", meanAbsoluteError},
      {"mape", meanAbsolutePercentageError},
      {"MAPE", meanAbsolutePercentageError},
      {"cosine", cosineProximity},
      // the other tf.metrics
      {"recall", recall},
      {"sparseCategoricalAccuracy", sparseCategoricalAccuracy},
      {"topKCategoricalAccuracy", topK5},
      {"sparseTopKCategoricalAccuracy", sparseTopK5},
      {"binaryCrossentropy", binaryCrossentropy},
      {"meanSquaredError", meanSquaredError},
      {"meanAbsoluteError", meanAbsoluteError},
      {"meanAbsolutePercentageError", meanAbsolutePercentageError},
      {"cosineProximity", cosineProximity},
      {"r2Score", r2Score}};
  return t;
}
}  // namespace

std::vector<std::string> names() {
  std::vector<std::string> out;
  for (auto& [n, f] : table()) out.push_back(n);
  return out;
}

LossOrMetricFn get(const std::string& name) {
  for (auto& [n, f] : table())
    if (n == name) return f;
  throw Error("Unknown metric " + name + ". Valid metrics are: accuracy, acc, crossentropy, ce, " +
              layers_internal::joinNames(names()));
}

}  // namespace edgeflow::metrics
