// tf.unsortedSegmentSum (kernel UnsortedSegmentSum), internal: gather's gradient uses it.
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow::internal {

// out[s] = sum of x[i] over the i with segmentIds[i] == s (int32 ids of x's leading dimensions);
// ids outside [0, numSegments) are dropped.
Tensor unsortedSegmentSum(const Tensor& x, const Tensor& segmentIds, int64_t numSegments);

}  // namespace edgeflow::internal
