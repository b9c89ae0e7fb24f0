// tf.losses.meanSquaredError: (labels - predictions)^2, weighted and reduced.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor meanSquaredError(const Tensor& labels, const Tensor& predictions, const Tensor& weights,
                        Reduction reduction) {
  if (labels.shape() != predictions.shape())
    throw Error("meanSquaredError: labels " + shapeToString(labels.shape()) + " and predictions " +
                shapeToString(predictions.shape()) + " must have the same shape");
  return computeWeightedLoss(squaredDifference(labels, predictions), weights, reduction);
}

}  // namespace edgeflow::losses
