// The cpu backend's _FusedMatMul: the packed SGEMM per batch matrix, then bias and activation on
// the output rows (per column values; other bias shapes go through the ref epilogue). int32 runs
// the ref kernels.
#include "backends/cpu/conv_gemm.h"
#include "backends/cpu/gemm.h"
#include "backends/cpu/gemm_batch.h"
#include "backends/ref/conv_kernels.h"
#include "edgeflow/parallel.h"
#include "ops/conv/fused_util.h"

namespace edgeflow::cpu::conv {
namespace {

// ep: the bias and clamp applied by gemm itself, or null.
void batchProduct(const Tensor& a, const Tensor& b, const matmul::Geometry& g, bool transposeA, float* po,
                  const GemmEpilogue* ep) {
  const float* pa = a.dataPtr<float>();
  const float* pb = b.dataPtr<float>();
  auto one = [&](int64_t n) {
    gemm(g.M, g.N, g.K, MatrixRef{pa + g.aOffset[static_cast<size_t>(n)], g.aRowStride, g.aColStride},
         MatrixRef{pb + g.bOffset[static_cast<size_t>(n)], g.bRowStride, g.bColStride}, po + n * g.M * g.N, g.N, ep);
  };
  if (g.batch > 1 && g.bBatches == 1 && g.aBatches == g.batch && !transposeA) {
    gemm(g.batch * g.M, g.N, g.K, MatrixRef{pa, g.aRowStride, 1}, MatrixRef{pb, g.bRowStride, g.bColStride}, po, g.N,
         ep);
    return;
  }
  double flops = 2.0 * g.M * g.N * g.K;
  if (g.batch >= 2 * numThreads() && flops < (1 << 24)) {
    parallelFor(g.batch, flops, [&](int64_t n0, int64_t n1) {
      for (int64_t n = n0; n < n1; ++n) one(n);
    });
    return;
  }
  for (int64_t n = 0; n < g.batch; ++n) one(n);
}

std::vector<Tensor> fusedMatMul(const KernelContext& k) {
  const Tensor& a = k.inputs[0];
  const Tensor& b = k.inputs[1];
  const std::string activation = edgeflow::conv::stringAttr(k.attrs, "activation", "linear");
  auto act = edgeflow::conv::parseActivation(activation);
  auto extras = edgeflow::conv::fusedExtras(k.inputs, act);
  double leaky = k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2;
  if (a.dtype() != DType::float32) {
    std::vector<Tensor> ab{a, b};
    Tensor y = ref::batchMatMul(KernelContext{ab, k.attrs, k.backend})[0];
    return {ref::biasActivation(y, extras.bias, activation, extras.alpha, leaky, false)};
  }
  bool transposeA = k.attrs.getBool("transposeA");
  auto g = matmul::geometry(a.shape(), b.shape(), transposeA, k.attrs.getBool("transposeB"));
  Tensor y = makeTensor(g.outShape, DType::float32);
  if (y.size() == 0) return {y};
  float* po = y.mutableData<float>();

  Epilogue ep;
  ep.activation = act;
  ep.leakyreluAlpha = static_cast<float>(leaky);
  int axis = static_cast<int>(g.outShape.size()) - 1;
  auto values = [&](const Tensor& t) {
    return t.dtype() == DType::float32 ? perChannel(t.dataPtr<float>(), t.shape(), g.outShape, axis) : std::vector<float>{};
  };
  bool fusable = true;
  if (extras.bias.defined()) fusable = !(ep.bias = values(extras.bias)).empty();
  if (fusable && extras.alpha.defined()) fusable = !(ep.alpha = values(extras.alpha)).empty();
  GemmEpilogue gemmEp;
  const bool inGemm = fusable && ep.active() && ep.asGemmEpilogue(gemmEp);
  batchProduct(a, b, g, transposeA, po, inGemm ? &gemmEp : nullptr);
  if (!fusable) return {ref::biasActivation(y, extras.bias, activation, extras.alpha, leaky, false)};
  if (ep.active() && !inGemm) {
    int64_t rows = y.size() / g.N;
    parallelFor(rows, 4.0 * g.N, [&](int64_t r0, int64_t r1) { ep.apply(po + r0 * g.N, r1 - r0, g.N); });
  }
  return {y};
}

}  // namespace

EF_REGISTER_KERNEL("_FusedMatMul", "cpu", fusedMatMul);

}  // namespace edgeflow::cpu::conv
