// tfjs-layers' losses (losses.js), with its epsilon clipping.
#include "edgeflow/train/losses.h"

#include <limits>

#include "edgeflow/engine.h"
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/selection.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"

namespace edgeflow::layers::losses {
namespace {
constexpr double kEpsilon = 1e-7;  // tfjs-layers' epsilon()
constexpr double kMaxValue = std::numeric_limits<double>::max();
}  // namespace

Tensor l2Normalize(const Tensor& x, int64_t axis) {
  return tidy([&] {
    Tensor xf = x.dtype() == DType::float32 ? x : cast(x, DType::float32);
    Tensor squareSum = sum(square(xf), Axes(axis), true);
    Tensor norm = sqrt(maximum(squareSum, fill(squareSum.shape(), kEpsilon)));
    return div(xf, norm);
  });
}

Tensor meanSquaredError(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return mean(square(sub(yPred, yTrue)), Axes(-1)); });
}

Tensor meanAbsoluteError(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return mean(abs(sub(yPred, yTrue)), Axes(-1)); });
}

Tensor meanAbsolutePercentageError(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor diff = sub(yTrue, yPred);
    Tensor clippedTrue = clipByValue(abs(yTrue), kEpsilon, kMaxValue);
    Tensor absResult = abs(div(diff, clippedTrue));
    return mul(100.0, mean(absResult, Axes(-1)));
  });
}

Tensor meanSquaredLogarithmicError(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor firstLog = log(add(1.0, clipByValue(yPred, kEpsilon, kMaxValue)));
    Tensor secondLog = log(add(1.0, clipByValue(yTrue, kEpsilon, kMaxValue)));
    return mean(square(sub(firstLog, secondLog)), Axes(-1));
  });
}

Tensor squaredHinge(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return mean(square(maximum(0.0, sub(1.0, mul(yTrue, yPred)))), Axes(-1)); });
}

Tensor hinge(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return mean(maximum(0.0, sub(1.0, mul(yTrue, yPred))), Axes(-1)); });
}

Tensor categoricalHinge(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor pos = sum(mul(yTrue, yPred), Axes(-1));
    Tensor neg = max(mul(sub(1.0, yTrue), yPred), Axes(-1));
    return maximum(0.0, add(1.0, sub(neg, pos)));
  });
}

Tensor logcosh(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor d = sub(yPred, yTrue);
    Tensor r = sub(add(d, softplus(mul(-2.0, d))), std::log(2.0));
    return mean(r, Axes(-1));
  });
}

Tensor categoricalCrossentropy(const Tensor& target, const Tensor& output, bool fromLogits) {
  return tidy([&] {
    Tensor out = output;
    if (fromLogits)
      out = softmax(out);
    else  // scale so that each example's class probabilities sum to 1
      out = div(out, sum(out, Axes(int64_t(out.rank() - 1)), true));
    out = clipByValue(out, kEpsilon, 1 - kEpsilon);
    return neg(sum(mul(cast(target, DType::float32), log(out)), Axes(int64_t(out.rank() - 1))));
  });
}

Tensor sparseCategoricalCrossentropy(const Tensor& target, const Tensor& output, bool fromLogits) {
  return tidy([&] {
    Tensor flatTarget = cast(floor(reshape(target, {target.size()})), DType::int32);
    Tensor out = clipByValue(output, kEpsilon, 1 - kEpsilon);
    Tensor oneHotTarget = reshape(oneHot(flatTarget, out.shape().back()), out.shape());
    return categoricalCrossentropy(oneHotTarget, out, fromLogits);
  });
}

Tensor sigmoidCrossEntropyWithLogits(const Tensor& labels, const Tensor& logits) {
  if (labels.shape() != logits.shape())
    throw Error("logits and labels must have the same shape, but got shapes " + shapeToString(labels.shape()) +
                " and " + shapeToString(logits.shape()));
  return tidy([&] {  // max(x, 0) - x * z + log(1 + exp(-|x|))
    return add(sub(relu(logits), mul(logits, labels)), log1p(exp(neg(abs(logits)))));
  });
}

Tensor binaryCrossentropy(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor y = clipByValue(yPred, kEpsilon, 1 - kEpsilon);
    y = log(div(y, sub(1.0, y)));
    return mean(sigmoidCrossEntropyWithLogits(yTrue, y), Axes(-1));
  });
}

Tensor kullbackLeiblerDivergence(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor clippedTrue = clipByValue(yTrue, kEpsilon, 1);
    Tensor clippedPred = clipByValue(yPred, kEpsilon, 1);
    return sum(mul(yTrue, log(div(clippedTrue, clippedPred))), Axes(-1));
  });
}

Tensor poisson(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] {
    Tensor logPred = log(add(kEpsilon, yPred));
    return mean(sub(yPred, mul(yTrue, logPred)), Axes(-1));
  });
}

Tensor cosineProximity(const Tensor& yTrue, const Tensor& yPred) {
  return tidy([&] { return neg(sum(mul(l2Normalize(yTrue, -1), l2Normalize(yPred, -1)), Axes(-1))); });
}

namespace {
using Fn = Tensor (*)(const Tensor&, const Tensor&);
Tensor cce(const Tensor& t, const Tensor& p) { return categoricalCrossentropy(t, p, false); }
Tensor scce(const Tensor& t, const Tensor& p) { return sparseCategoricalCrossentropy(t, p, false); }
const std::vector<std::pair<std::string, Fn>>& table() {
  static const std::vector<std::pair<std::string, Fn>> t = {
      {"meanSquaredError", meanSquaredError},
      {"meanAbsoluteError", meanAbsoluteError},
      {"meanAbsolutePercentageError", meanAbsolutePercentageError},
      {"meanSquaredLogarithmicError", meanSquaredLogarithmicError},
      {"squaredHinge", squaredHinge},
      {"hinge", hinge},
      {"categoricalHinge", categoricalHinge},
      {"logcosh", logcosh},
      {"categoricalCrossentropy", cce},
      {"sparseCategoricalCrossentropy", scce},
      {"binaryCrossentropy", binaryCrossentropy},
      {"kullbackLeiblerDivergence", kullbackLeiblerDivergence},
      {"poisson", poisson},
      {"cosineProximity", cosineProximity}};
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
  std::string msg = "Unknown loss " + name + ".";
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("softmaxcrossentropy") != std::string::npos)
    msg += " Use \"categoricalCrossentropy\" as the string name for tf.losses.softmaxCrossEntropy.";
  throw Error(msg + " Valid losses are: " + layers_internal::joinNames(names()));
}

}  // namespace edgeflow::layers::losses
