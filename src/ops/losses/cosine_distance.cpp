// tf.losses.cosineDistance: 1 - sum(labels * predictions) along axis (inputs assumed unit-normalised,
// as in TF.js), weighted and reduced.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor cosineDistance(const Tensor& labels, const Tensor& predictions, int64_t axis, const Tensor& weights,
                      Reduction reduction) {
  if (labels.shape() != predictions.shape())
    throw Error("cosineDistance: labels " + shapeToString(labels.shape()) + " and predictions " +
                shapeToString(predictions.shape()) + " must have the same shape");
  Tensor losses = sub(scalar(1), sum(mul(labels, predictions), Axes(axis), true));
  return computeWeightedLoss(losses, weights, reduction);
}

}  // namespace edgeflow::losses
