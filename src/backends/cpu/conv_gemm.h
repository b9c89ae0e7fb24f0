// Building blocks of the cpu backend's convolutions: row-major matrix products routed to the
// shared SGEMM (src/backends/cpu/gemm.h) or, for the thin outputs convolutions often have (8 or
// 16 channels), to register-blocked kernels of their own; im2col / col2im for NHWC; per-thread
// scratch buffers; and the fused bias + activation epilogue. Internal.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "backends/cpu/gemm.h"
#include "ops/conv/conv_util.h"

namespace edgeflow::cpu::conv {

using edgeflow::conv::Activation;
using edgeflow::conv::ConvInfo;

// A growable 64-byte-aligned float buffer kept between calls (one per thread and purpose).
class Scratch {
 public:
  float* get(int64_t n);

 private:
  struct Free {
    void operator()(float* p) const;
  };
  std::unique_ptr<float, Free> buf_;
  int64_t size_ = 0;
};
// Thread-local scratch number `slot` (0..3) of at least n floats.
float* scratch(int slot, int64_t n);

// C[M×N] (row stride ldc) = A[M×K] (row stride lda) · B[K×N] (row stride ldb), all unit column
// stride, then the epilogue if given. packedB, if given, is B packed (gemm.h), used when the
// product takes gemm's packed path. Runs on the calling thread when called inside parallelFor.
void matmul(int64_t M, int64_t N, int64_t K, const float* a, int64_t lda, const float* b, int64_t ldb, float* c,
            int64_t ldc, const GemmEpilogue* ep = nullptr, const PackedB* packedB = nullptr);
// The K×N row-major weights w packed for gemm, kept with w's data buffer from its second use on
// (inference reuses weights; a training step's weights are used once: packing them apart would
// only cost memory); null before that or when the product would not take the packed path.
const PackedB* packedOnReuse(const Tensor& w, int64_t M, int64_t K, int64_t N);
// C[K×N] += A[T×K]ᵀ · B[T×N] (row strides lda, ldb; C contiguous), serial.
void matmulAtBAccumulate(int64_t T, int64_t K, int64_t N, const float* a, int64_t lda, const float* b, int64_t ldb,
                         float* c);

// Output rows [r0, r0 + rows) of an NHWC 2-D convolution as patches: row r holds, for every tap
// (fh, fw) in order, the inC input values under it (zeros in the padding). col is rows × K.
void im2col(const ConvInfo& c, const float* x, int64_t r0, int64_t rows, float* col);
// The adjoint: adds patch rows [r0, r0 + rows) of one image (all rows within image n) into dx.
void col2imAdd(const ConvInfo& c, const float* col, int64_t r0, int64_t rows, float* dxImage);

// The fused epilogue on NHWC rows: y = activation(y + bias), bias and alpha given per channel.
struct Epilogue {
  std::vector<float> bias;   // outC values, or empty
  std::vector<float> alpha;  // prelu: outC values
  Activation activation = Activation::linear;
  float leakyreluAlpha = 0.2f;
  bool active() const { return !bias.empty() || activation != Activation::linear; }
  void apply(float* rows, int64_t n, int64_t channels) const;
  // The same as a GemmEpilogue (bias, then linear, relu or relu6), if it is one of those.
  bool asGemmEpilogue(GemmEpilogue& out) const;
};
// The per-channel values of a tensor (float32 `data` of shape `shape`, already aligned for NCHW)
// broadcast against `outShape` whose channels are on axis `channelAxis`, if it varies along no
// other axis; else empty.
std::vector<float> perChannel(const float* data, const Shape& shape, const Shape& outShape, int channelAxis);

bool allFinite(const float* p, int64_t n);

// NHWC <-> NCHW copies (n × c × hw).
void nchwToNhwc(const float* in, float* out, int64_t n, int64_t c, int64_t hw);
void nhwcToNchw(const float* in, float* out, int64_t n, int64_t c, int64_t hw);

}  // namespace edgeflow::cpu::conv
