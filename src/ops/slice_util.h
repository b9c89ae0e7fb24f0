// Argument resolution shared by slice, stridedSlice and their kernels and gradients. Internal.
#pragma once
#include <utility>
#include <vector>

#include "edgeflow/types.h"

namespace edgeflow {

// slice(): begin padded with 0 and size with -1 to the rank, -1 sizes resolved; throws naming
// the op on negative begins, bad sizes or a slice past the end.
struct SliceParams {
  std::vector<int64_t> begin, size;
};
SliceParams resolveSlice(const Shape& shape, std::vector<int64_t> begin, std::vector<int64_t> size);

struct StridedSliceArgs {
  std::vector<int64_t> begin, end, strides;
  int64_t beginMask = 0, endMask = 0, ellipsisMask = 0, newAxisMask = 0, shrinkAxisMask = 0;
};

// stridedSlice() resolved against the input shape (TensorFlow's sparse -> dense spec): for every
// input dimension d, element i of the result reads x[begin[d] + i * strides[d]], for i in
// [0, size[d]). finalShape adds the new axes and drops the shrunk ones.
struct StridedSliceInfo {
  std::vector<int64_t> begin, strides;
  Shape size;        // per input dimension (shrunk dimensions have size 1)
  Shape finalShape;  // the op's output shape
};
StridedSliceInfo resolveStridedSlice(const Shape& shape, const StridedSliceArgs& args);

// Paddings as a kernel attribute: [before0, after0, before1, after1, ...], and back.
std::vector<int64_t> flattenPairs(const std::vector<std::pair<int64_t, int64_t>>& pairs);
std::vector<std::pair<int64_t, int64_t>> pairsOf(const std::vector<int64_t>& flat);

}  // namespace edgeflow
