// tf.losses.huberLoss: quadratic within delta of the label, linear beyond.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor huberLoss(const Tensor& labels, const Tensor& predictions, const Tensor& weights, double delta,
                 Reduction reduction) {
  if (labels.shape() != predictions.shape())
    throw Error("huberLoss: labels " + shapeToString(labels.shape()) + " and predictions " +
                shapeToString(predictions.shape()) + " must have the same shape");
  Tensor deltaScalar = scalar(delta);
  Tensor error = abs(sub(predictions, labels));
  Tensor quadratic = minimum(error, deltaScalar);
  Tensor linear = sub(error, quadratic);
  Tensor losses = add(mul(scalar(0.5), square(quadratic)), mul(deltaScalar, linear));
  return computeWeightedLoss(losses, weights, reduction);
}

}  // namespace edgeflow::losses
