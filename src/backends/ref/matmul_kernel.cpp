// Reference BatchMatMul: a plain triple loop per batch matrix, bit-compatible with TF.js's cpu
// kernel. TF.js sums blocks of 48 products in a JS number (double) and adds each block sum to the
// float32 (or int32, or uint8 for bool) output, so we round at the same points.
#include <algorithm>
#include <type_traits>

#include "backends/cpu/gemm_batch.h"
#include "core/dispatch.h"

namespace edgeflow::ref {
namespace {

constexpr int64_t kTfjsBlock = 48;  // tfjs-backend-cpu's blockSize

template <class T>
T addBlock(T acc, double blockSum) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(static_cast<double>(acc) + blockSum);
  } else {
    // Integer sums are exact in a double; the typed array then wraps (Int32Array, Uint8Array).
    uint64_t s = static_cast<uint64_t>(static_cast<int64_t>(blockSum)) + static_cast<uint64_t>(acc);
    return static_cast<T>(std::is_same_v<T, uint8_t> ? (s & 0xff) : static_cast<uint32_t>(s));
  }
}

template <class T>
void matMulLoops(const matmul::Geometry& g, const T* a, const T* b, T* out) {
  for (int64_t n = 0; n < g.batch; ++n) {
    const T* pa = a + g.aOffset[static_cast<size_t>(n)];
    const T* pb = b + g.bOffset[static_cast<size_t>(n)];
    T* po = out + n * g.M * g.N;
    for (int64_t i = 0; i < g.M; ++i) {
      for (int64_t j = 0; j < g.N; ++j) {
        T acc = 0;
        for (int64_t k0 = 0; k0 < g.K; k0 += kTfjsBlock) {
          double s = 0;
          for (int64_t k = k0; k < std::min(g.K, k0 + kTfjsBlock); ++k)
            s += static_cast<double>(pa[i * g.aRowStride + k * g.aColStride]) *
                 static_cast<double>(pb[k * g.bRowStride + j * g.bColStride]);
          acc = addBlock(acc, s);
        }
        po[i * g.N + j] = acc;
      }
    }
  }
}

}  // namespace

std::vector<Tensor> batchMatMul(const KernelContext& c) {
  const Tensor& a = c.inputs[0];
  const Tensor& b = c.inputs[1];
  auto g = matmul::geometry(a.shape(), b.shape(), c.attrs.getBool("transposeA"), c.attrs.getBool("transposeB"));
  Tensor out = makeTensor(g.outShape, a.dtype());
  dispatchDType(a.dtype(), [&](auto zero) {
    using T = decltype(zero);
    matMulLoops<T>(g, a.dataPtr<T>(), b.dataPtr<T>(), out.mutableData<T>());
  });
  return {out};
}

EF_REGISTER_KERNEL("BatchMatMul", "ref", batchMatMul);

}  // namespace edgeflow::ref
