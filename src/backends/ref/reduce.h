// Generic reduction loop for reference kernels. Internal.
#pragma once
#include <vector>

#include "edgeflow/types.h"

namespace edgeflow::ref {

// For each input element calls visit(outIndex, inIndex), where outIndex is its position in the
// reduced (keepDims) output. Elements are visited in row-major order.
template <class V>
void forEachReduced(const Shape& in, const std::vector<int64_t>& axes, V visit) {
  size_t r = in.size();
  std::vector<char> reduced(r, 0);
  for (int64_t a : axes) reduced[static_cast<size_t>(a)] = 1;
  std::vector<int64_t> outStrides(r, 0);
  int64_t s = 1;
  for (size_t i = r; i-- > 0;) {
    if (!reduced[i]) {
      outStrides[i] = s;
      s *= in[i];
    }
  }
  int64_t n = sizeFromShape(in);
  std::vector<int64_t> idx(r, 0);
  int64_t outIdx = 0;
  for (int64_t i = 0; i < n; ++i) {
    visit(outIdx, i);
    for (size_t d = r; d-- > 0;) {
      if (++idx[d] < in[d]) {
        outIdx += outStrides[d];
        break;
      }
      outIdx -= outStrides[d] * (in[d] - 1);
      idx[d] = 0;
    }
  }
}

}  // namespace edgeflow::ref
