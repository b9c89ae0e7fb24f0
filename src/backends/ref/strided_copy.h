// Strided n-d copy for reference kernels: slice, stridedSlice, reverse, transpose and broadcast
// are all "read x at offset + sum(loc[d] * strides[d])" for every output location. Internal.
#pragma once
#include <vector>

#include "edgeflow/types.h"

namespace edgeflow::ref {

// out[i] = in[offset + sum_d loc_d(i) * inStrides[d]] for i in row-major order over outShape.
// inStrides may be negative (reverse) or zero (broadcast).
template <class T>
void stridedCopy(const T* in, int64_t offset, const std::vector<int64_t>& inStrides, const Shape& outShape,
                 T* out) {
  const int64_t n = sizeFromShape(outShape);
  const size_t r = outShape.size();
  std::vector<int64_t> loc(r, 0);
  int64_t src = offset;
  for (int64_t i = 0; i < n; ++i) {
    out[i] = in[src];
    for (size_t d = r; d-- > 0;) {
      if (++loc[d] < outShape[d]) {
        src += inStrides[d];
        break;
      }
      src -= inStrides[d] * (outShape[d] - 1);
      loc[d] = 0;
    }
  }
}

// The transpose of stridedCopy: out[offset + sum_d loc_d(i) * outStrides[d]] = in[i] for i in
// row-major order over inShape (pad writes x into the middle of its output this way).
template <class T>
void stridedWrite(const T* in, const Shape& inShape, T* out, int64_t offset, const std::vector<int64_t>& outStrides) {
  const int64_t n = sizeFromShape(inShape);
  const size_t r = inShape.size();
  std::vector<int64_t> loc(r, 0);
  int64_t dst = offset;
  for (int64_t i = 0; i < n; ++i) {
    out[dst] = in[i];
    for (size_t d = r; d-- > 0;) {
      if (++loc[d] < inShape[d]) {
        dst += outStrides[d];
        break;
      }
      dst -= outStrides[d] * (inShape[d] - 1);
      loc[d] = 0;
    }
  }
}

}  // namespace edgeflow::ref
