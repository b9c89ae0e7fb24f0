// BatchMatMul's geometry, shared by the ref and cpu kernels: output shape, matrix sizes, operand
// strides (a transpose is just swapped strides) and each output batch's operand offsets, with
// numpy-style broadcasting of the leading dimensions. Internal.
#pragma once
#include <cstdint>
#include <vector>

#include "edgeflow/kernel.h"

namespace edgeflow::matmul {

struct Geometry {
  Shape outShape;
  int64_t batch = 1, M = 0, N = 0, K = 0;
  // Element (i, k) of batch matrix A is at aOffset[b] + i * aRowStride + k * aColStride; same for B.
  int64_t aRowStride = 0, aColStride = 0, bRowStride = 0, bColStride = 0;
  std::vector<int64_t> aOffset, bOffset;
  int64_t aBatches = 1, bBatches = 1;  // distinct matrices in a and in b
};

// Assumes shapes the matMul op has validated (rank >= 2, inner sizes equal, batches broadcast).
Geometry geometry(const Shape& a, const Shape& b, bool transposeA, bool transposeB);

}  // namespace edgeflow::matmul

namespace edgeflow::ref {
// The ref backend's BatchMatMul (any dtype); the cpu kernel falls back to it for int32 and bool.
std::vector<Tensor> batchMatMul(const KernelContext& c);
}  // namespace edgeflow::ref
