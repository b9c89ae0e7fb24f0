// Single-precision GEMM for the cpu backend: C = A·B, with A and B given by element strides so a
// transposed operand costs nothing (the packing routines read either layout). Internal.
#pragma once
#include <cstdint>

namespace edgeflow::cpu {

// Element (r, c) of the matrix is data[r * rowStride + c * colStride].
struct MatrixRef {
  const float* data;
  int64_t rowStride, colStride;
};

// C (M×N, row-major with row stride ldc) = A (M×K) · B (K×N). Splits work over the thread pool
// when it is large enough (and runs serially inside another parallelFor).
void gemm(int64_t M, int64_t N, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc);

// Which path gemm takes, exposed for the unit test and benchmarks.
enum class GemmPath { tiny, direct, packed };
GemmPath gemmPath(int64_t M, int64_t N, int64_t K);

}  // namespace edgeflow::cpu
