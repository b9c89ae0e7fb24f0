// tf.losses.sigmoidCrossEntropy: per-element logistic loss of logits, optionally label-smoothed
// towards 1/2, in the overflow-free form max(x, 0) - x * z + log1p(exp(-|x|)).
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {

Tensor sigmoidCrossEntropy(const Tensor& multiClassLabels, const Tensor& logits, const Tensor& weights,
                           double labelSmoothing, Reduction reduction) {
  if (multiClassLabels.shape() != logits.shape())
    throw Error("sigmoidCrossEntropy: multiClassLabels " + shapeToString(multiClassLabels.shape()) +
                " and logits " + shapeToString(logits.shape()) + " must have the same shape");
  Tensor labels = multiClassLabels;
  if (labelSmoothing > 0) {
    Tensor ls = scalar(labelSmoothing);
    labels = add(mul(labels, sub(scalar(1), ls)), mul(scalar(0.5), ls));
  }
  Tensor losses = add(sub(relu(logits), mul(logits, labels)), log1p(exp(neg(abs(logits)))));
  return computeWeightedLoss(losses, weights, reduction);
}

}  // namespace edgeflow::losses
