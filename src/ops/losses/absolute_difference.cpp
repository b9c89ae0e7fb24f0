// tf.losses.absoluteDifference: |labels - predictions|, weighted and reduced.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor absoluteDifference(const Tensor& labels, const Tensor& predictions, const Tensor& weights,
                          Reduction reduction) {
  if (labels.shape() != predictions.shape())
    throw Error("absoluteDifference: labels " + shapeToString(labels.shape()) + " and predictions " +
                shapeToString(predictions.shape()) + " must have the same shape");
  return computeWeightedLoss(abs(sub(labels, predictions)), weights, reduction);
}

}  // namespace edgeflow::losses
