// tf.losses: the op-level losses, with TF.js's reductions.
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow::losses {

enum class Reduction { NONE, MEAN, SUM, SUM_BY_NONZERO_WEIGHTS };

// An undefined weights tensor means no weights.
Tensor computeWeightedLoss(const Tensor& losses, const Tensor& weights = {},
                           Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor absoluteDifference(const Tensor& labels, const Tensor& predictions, const Tensor& weights = {},
                          Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor cosineDistance(const Tensor& labels, const Tensor& predictions, int64_t axis,
                      const Tensor& weights = {}, Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor hingeLoss(const Tensor& labels, const Tensor& predictions, const Tensor& weights = {},
                 Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor huberLoss(const Tensor& labels, const Tensor& predictions, const Tensor& weights = {},
                 double delta = 1.0, Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor logLoss(const Tensor& labels, const Tensor& predictions, const Tensor& weights = {},
               double epsilon = 1e-7, Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor meanSquaredError(const Tensor& labels, const Tensor& predictions, const Tensor& weights = {},
                        Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor sigmoidCrossEntropy(const Tensor& multiClassLabels, const Tensor& logits, const Tensor& weights = {},
                           double labelSmoothing = 0, Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);
Tensor softmaxCrossEntropy(const Tensor& onehotLabels, const Tensor& logits, const Tensor& weights = {},
                           double labelSmoothing = 0, Reduction reduction = Reduction::SUM_BY_NONZERO_WEIGHTS);

}  // namespace edgeflow::losses
