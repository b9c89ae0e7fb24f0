// tf.losses.softmaxCrossEntropy: cross-entropy of softmax(logits) along the last axis, optionally
// label-smoothed. Like TF.js it has a custom gradient (softmax - labels for the logits, and its
// negation for the labels) rather than differentiating logSumExp.
#include "edgeflow/edgeflow.h"

namespace edgeflow::losses {
namespace {

Tensor softmaxCrossEntropyWithLogits(const Tensor& labels, const Tensor& logits) {
  int64_t dim = logits.rank() - 1;
  auto op = customGrad([dim](const std::vector<Tensor>& in) {
    Tensor lse = logSumExp(in[1], Axes(dim), true);
    Tensor logResult = sub(cast(in[1], DType::float32), lse);
    CustomGradResult r;
    r.value = sum(neg(mul(logResult, in[0])), Axes(dim));
    r.save = {in[0], logResult};
    r.gradFunc = [dim](const Tensor& dy, const std::vector<Tensor>& saved) {
      Shape keep = dy.shape();
      keep.insert(keep.begin() + dim, 1);
      Tensor d = reshape(dy, keep);
      Tensor labelsF = cast(saved[0], DType::float32);
      Tensor probs = exp(saved[1]);
      return std::vector<Tensor>{mul(d, sub(labelsF, probs)), mul(d, sub(probs, labelsF))};
    };
    return r;
  });
  return op({labels, logits});
}

}  // namespace

Tensor softmaxCrossEntropy(const Tensor& onehotLabels, const Tensor& logits, const Tensor& weights,
                           double labelSmoothing, Reduction reduction) {
  if (onehotLabels.shape() != logits.shape())
    throw Error("softmaxCrossEntropy: onehotLabels " + shapeToString(onehotLabels.shape()) + " and logits " +
                shapeToString(logits.shape()) + " must have the same shape");
  if (logits.rank() == 0) throw Error("softmaxCrossEntropy: logits must have rank >= 1, got a scalar");
  Tensor labels = onehotLabels;
  if (labelSmoothing > 0) {
    // TF.js takes the number of classes from dimension 1, whatever the rank.
    if (labels.rank() < 2)
      throw Error("softmaxCrossEntropy: labelSmoothing needs onehotLabels of rank >= 2, got " +
                  shapeToString(labels.shape()));
    Tensor ls = scalar(labelSmoothing);
    Tensor numClasses = scalar(static_cast<double>(labels.shape()[1]));
    labels = add(mul(labels, sub(scalar(1), ls)), div(ls, numClasses));
  }
  return computeWeightedLoss(softmaxCrossEntropyWithLogits(labels, logits), weights, reduction);
}

}  // namespace edgeflow::losses
