// Normalization (tf.batchNorm, tf.batchNorm2d/3d/4d, tf.localResponseNormalization).
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

// tf.batchNorm: offset + (x - mean) * scale / sqrt(variance + varianceEpsilon). mean, variance and
// the optional offset and scale (an undefined Tensor() leaves them out) have equal ranks and
// broadcast against x (usually [channels], or x's shape). x of any rank; kernel FusedBatchNorm.
Tensor batchNorm(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset = Tensor(),
                 const Tensor& scale = Tensor(), double varianceEpsilon = 0.001);
// The same with TF.js's rank checks: x of rank N, the others of rank N or 1.
Tensor batchNorm2d(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset = Tensor(),
                   const Tensor& scale = Tensor(), double varianceEpsilon = 0.001);
Tensor batchNorm3d(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset = Tensor(),
                   const Tensor& scale = Tensor(), double varianceEpsilon = 0.001);
Tensor batchNorm4d(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset = Tensor(),
                   const Tensor& scale = Tensor(), double varianceEpsilon = 0.001);

// tf.localResponseNormalization over the last axis of a rank-3 or rank-4 x (kernel LRN):
// x / (bias + alpha * sum of x^2 over channels within depthRadius) ^ beta.
Tensor localResponseNormalization(const Tensor& x, int64_t depthRadius = 5, double bias = 1, double alpha = 1,
                                  double beta = 0.5);

}  // namespace edgeflow
