// tf.losses.hingeLoss: max(0, 1 - y * predictions) with binary labels mapped to y = 2 * label - 1.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor hingeLoss(const Tensor& labels, const Tensor& predictions, const Tensor& weights, Reduction reduction) {
  if (labels.shape() != predictions.shape())
    throw Error("hingeLoss: labels " + shapeToString(labels.shape()) + " and predictions " +
                shapeToString(predictions.shape()) + " must have the same shape");
  Tensor one = scalar(1);
  Tensor signs = sub(mul(scalar(2), labels), one);
  return computeWeightedLoss(relu(sub(one, mul(signs, predictions))), weights, reduction);
}

}  // namespace edgeflow::losses
