// tf.losses.logLoss: binary cross-entropy of probabilities, with epsilon inside the logs.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor logLoss(const Tensor& labels, const Tensor& predictions, const Tensor& weights, double epsilon,
               Reduction reduction) {
  if (labels.shape() != predictions.shape())
    throw Error("logLoss: labels " + shapeToString(labels.shape()) + " and predictions " +
                shapeToString(predictions.shape()) + " must have the same shape");
  Tensor one = scalar(1);
  Tensor eps = scalar(epsilon);
  Tensor l1 = neg(mul(labels, log(add(predictions, eps))));
  Tensor l2 = mul(sub(one, labels), log(add(sub(one, predictions), eps)));
  return computeWeightedLoss(sub(l1, l2), weights, reduction);
}

}  // namespace edgeflow::losses
