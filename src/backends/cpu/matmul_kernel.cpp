// The cpu backend's BatchMatMul: float32 through the packed SGEMM, int32 and bool through ref.
#include <algorithm>

#include "backends/cpu/gemm.h"
#include "backends/cpu/gemm_batch.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

std::vector<Tensor> batchMatMul(const KernelContext& c) {
  const Tensor& a = c.inputs[0];
  const Tensor& b = c.inputs[1];
  if (a.dtype() != DType::float32) return ref::batchMatMul(c);
  bool transposeA = c.attrs.getBool("transposeA");
  auto g = matmul::geometry(a.shape(), b.shape(), transposeA, c.attrs.getBool("transposeB"));
  Tensor out = makeTensor(g.outShape, DType::float32);
  if (out.size() == 0) return {out};
  const float* pa = a.dataPtr<float>();
  const float* pb = b.dataPtr<float>();
  float* po = out.mutableData<float>();
  auto one = [&](int64_t n) {
    gemm(g.M, g.N, g.K, MatrixRef{pa + g.aOffset[static_cast<size_t>(n)], g.aRowStride, g.aColStride},
         MatrixRef{pb + g.bOffset[static_cast<size_t>(n)], g.bRowStride, g.bColStride}, po + n * g.M * g.N, g.N);
  };

  // One shared B and row-major A matrices stacked back to back: a single (batch·M)×K product.
  if (g.batch > 1 && g.bBatches == 1 && g.aBatches == g.batch && !transposeA) {
    gemm(g.batch * g.M, g.N, g.K, MatrixRef{pa, g.aRowStride, 1}, MatrixRef{pb, g.bRowStride, g.bColStride}, po, g.N);
    return {out};
  }
  // Many small products: one per thread at a time (the nested gemm then runs serially).
  double flops = 2.0 * g.M * g.N * g.K;
  if (g.batch >= 2 * numThreads() && flops < (1 << 24)) {
    parallelFor(g.batch, flops, [&](int64_t n0, int64_t n1) {
      for (int64_t n = n0; n < n1; ++n) one(n);
    });
    return {out};
  }
  for (int64_t n = 0; n < g.batch; ++n) one(n);
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("BatchMatMul", "cpu", batchMatMul);

}  // namespace edgeflow::cpu
