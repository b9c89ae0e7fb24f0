// Single-precision GEMM for the cpu backend: C = A·B, with A and B given by element strides so a
// transposed operand costs nothing (the packing routines read either layout). Internal.
#pragma once
#include <cmath>
#include <cstdint>
#include <memory>

namespace edgeflow::cpu {

// Element (r, c) of the matrix is data[r * rowStride + c * colStride].
struct MatrixRef {
  const float* data;
  int64_t rowStride, colStride;
};

// Applied to each element of C once its sum is complete, while the tile is in registers or cache:
// c = clamp(c + bias[column], lo, hi), NaN kept. relu is [0, inf], relu6 [0, 6].
struct GemmEpilogue {
  const float* bias = nullptr;  // N values, or null
  float lo = -INFINITY, hi = INFINITY;
};
// The epilogue on a block of C (rows × cols, row stride ldc, starting at column col0).
void applyEpilogue(const GemmEpilogue& ep, float* c, int64_t ldc, int64_t rows, int64_t cols, int64_t col0 = 0);

// C (M×N, row-major with row stride ldc) = A (M×K) · B (K×N), then the epilogue if given. Splits
// work over the thread pool when it is large enough (and runs serially inside another parallelFor).
void gemm(int64_t M, int64_t N, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc,
          const GemmEpilogue* ep = nullptr);

// B in the packed path's layout, made once for operands used again and again (inference weights).
struct PackedB;
std::shared_ptr<const PackedB> packB(int64_t K, int64_t N, MatrixRef b);
// gemm with B already packed (for the K × N it was packed with): always the packed path.
void gemm(int64_t M, int64_t N, int64_t K, MatrixRef a, const PackedB& b, float* c, int64_t ldc,
          const GemmEpilogue* ep = nullptr);

// Which path gemm takes, exposed for the unit test and benchmarks.
enum class GemmPath { tiny, direct, packed };
GemmPath gemmPath(int64_t M, int64_t N, int64_t K);

}  // namespace edgeflow::cpu
