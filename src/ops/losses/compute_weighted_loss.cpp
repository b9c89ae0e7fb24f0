// tf.losses.computeWeightedLoss: weights (broadcast against the losses) and TF.js's four reductions.
#include <limits>

#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor computeWeightedLoss(const Tensor& losses, const Tensor& weights, Reduction reduction) {
  Tensor weighted = weights.defined() ? mul(losses, weights) : losses;
  switch (reduction) {
    case Reduction::NONE:
      return weighted;
    case Reduction::SUM:
      return sum(weighted);
    case Reduction::MEAN: {
      if (!weights.defined()) return mean(weighted);
      Tensor result = div(sum(weighted), sum(weights));
      // Weights broadcast over the losses count once per copy (TF.js divides by the size ratio;
      // n / 0 is Infinity there).
      double n = static_cast<double>(losses.size()), m = static_cast<double>(weights.size());
      double factor = m > 0 ? n / m : n > 0 ? std::numeric_limits<double>::infinity() : 0;
      return factor > 1 ? div(result, scalar(factor)) : result;
    }
    case Reduction::SUM_BY_NONZERO_WEIGHTS: {
      if (!weights.defined()) return div(sum(weighted), scalar(static_cast<double>(losses.size())));
      Tensor broadcastWeights = mul(weights, ones(losses.shape()));
      Tensor numNonZeros = cast(sum(notEqual(broadcastWeights, scalar(0))), DType::float32);
      return div(sum(weighted), numNonZeros);
    }
  }
  throw Error("computeWeightedLoss: unknown reduction " + std::to_string(static_cast<int>(reduction)));
}

}  // namespace edgeflow::losses
