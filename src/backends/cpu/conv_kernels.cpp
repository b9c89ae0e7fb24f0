// The cpu backend's Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter and FusedConv2D: tiles of
// output rows are unrolled into patches (im2col, in per-thread scratch) and multiplied by the
// filter; 1×1 convolutions multiply the input itself. The fused bias and activation run on each
// tile while it is in cache. NCHW goes through NHWC copies; non-finite filters (whose products
// with the zero padding would be NaN where TF.js skips the padding) go to the ref kernels.
#include <algorithm>
#include <cstring>

#include "backends/cpu/conv_gemm.h"
#include "backends/ref/conv_kernels.h"
#include "edgeflow/parallel.h"
#include "ops/conv/fused_util.h"

namespace edgeflow::cpu::conv {
namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

// Rows per im2col tile: the patches (rows × K floats) stay around 256 KiB.
int64_t tileRows(int64_t K) { return std::clamp<int64_t>((65536 / std::max<int64_t>(K, 1) + 15) / 16 * 16, 64, 2048); }

// packedW: the filter already packed for gemm (packedOnReuse), or null.
void forwardNHWC(const ConvInfo& c, const float* x, const float* w, const PackedB* packedW, float* y,
                 const Epilogue* ep) {
  const int64_t M = c.batch * c.outH * c.outW, N = c.outC, K = c.filterH * c.filterW * c.inC;
  if (M == 0 || N == 0) return;
  // Bias and relu/relu6 are applied by the product on each tile while it is hot; other
  // activations take a pass of their own over rows just written.
  GemmEpilogue gemmEp;
  const bool active = ep && ep->active();
  const bool inGemm = active && ep->asGemmEpilogue(gemmEp);
  const GemmEpilogue* productEp = inGemm ? &gemmEp : nullptr;
  auto epilogue = [&](float* rows, int64_t n) {
    if (active && !inGemm) ep->apply(rows, n, N);
  };
  auto epiloguePass = [&] {
    if (active && !inGemm) parallelFor(M, 4.0 * N, [&](int64_t r0, int64_t r1) { epilogue(y + r0 * N, r1 - r0); });
  };
  if (K == 0 || c.isPointwise()) {
    matmul(M, N, K, x, K, w, N, y, N, productEp, packedW);
    epiloguePass();
    return;
  }
  const int64_t T = tileRows(K), tiles = ceilDiv(M, T);
  if (tiles >= 2 * numThreads()) {
    parallelFor(tiles, 2.0 * T * K * N, [&](int64_t t0, int64_t t1) {
      float* col = scratch(0, T * K);
      for (int64_t t = t0; t < t1; ++t) {
        int64_t r0 = t * T, rows = std::min(T, M - r0);
        im2col(c, x, r0, rows, col);
        matmul(rows, N, K, col, K, w, N, y + r0 * N, N, productEp, packedW);
        epilogue(y + r0 * N, rows);
      }
    });
    return;
  }
  // Few tiles: all patches at once and one product, threaded inside.
  float* col = scratch(1, M * K);
  parallelFor(M, static_cast<double>(K), [&](int64_t r0, int64_t r1) { im2col(c, x, r0, r1 - r0, col + r0 * K); });
  matmul(M, N, K, col, K, w, N, y, N, productEp, packedW);
  epiloguePass();
}

void backpropInputNHWC(const ConvInfo& c, const float* dy, const float* w, float* dx) {
  const int64_t M = c.batch * c.outH * c.outW, N = c.outC, K = c.filterH * c.filterW * c.inC;
  const int64_t imageSize = c.inH * c.inW * c.inC, pixels = c.outH * c.outW;
  if (imageSize * c.batch == 0) return;
  if (N == 0 || M == 0) {
    std::fill(dx, dx + imageSize * c.batch, 0.0f);
    return;
  }
  // The filter transposed to [outC, K], shared by every thread.
  float* wt = scratch(1, N * K);
  for (int64_t k = 0; k < K; ++k)
    for (int64_t n = 0; n < N; ++n) wt[n * K + k] = w[k * N + n];
  if (c.isPointwise()) {
    matmul(M, K, N, dy, N, wt, K, dx, K);
    return;
  }
  const int64_t T = tileRows(K);
  parallelFor(c.batch, 2.0 * pixels * N * K, [&](int64_t b0, int64_t b1) {
    float* dcol = scratch(0, T * K);
    for (int64_t b = b0; b < b1; ++b) {
      float* image = dx + b * imageSize;
      std::fill(image, image + imageSize, 0.0f);
      for (int64_t r0 = b * pixels; r0 < (b + 1) * pixels; r0 += T) {
        int64_t rows = std::min(T, (b + 1) * pixels - r0);
        matmul(rows, K, N, dy + r0 * N, N, wt, K, dcol, K);
        col2imAdd(c, dcol, r0, rows, image);
      }
    }
  });
}

void backpropFilterNHWC(const ConvInfo& c, const float* x, const float* dy, float* dw) {
  const int64_t M = c.batch * c.outH * c.outW, N = c.outC, K = c.filterH * c.filterW * c.inC;
  std::fill(dw, dw + K * N, 0.0f);
  if (M == 0 || N == 0 || K == 0) return;
  const bool pointwise = c.isPointwise();
  const int64_t T = pointwise ? 1024 : tileRows(K), tiles = ceilDiv(M, T);
  // Per-chunk partial sums of the K×N filter gradient, added up at the end.
  const int64_t chunks = std::min<int64_t>(numThreads(), tiles);
  std::vector<float> parts(static_cast<size_t>(chunks * K * N), 0.0f);
  auto run = [&](int64_t c0, int64_t c1) {
    float* col = pointwise ? nullptr : scratch(0, T * K);
    for (int64_t ch = c0; ch < c1; ++ch) {
      float* part = parts.data() + ch * K * N;
      for (int64_t t = tiles * ch / chunks; t < tiles * (ch + 1) / chunks; ++t) {
        int64_t r0 = t * T, rows = std::min(T, M - r0);
        const float* patches = x + r0 * K;
        if (!pointwise) {
          im2col(c, x, r0, rows, col);
          patches = col;
        }
        matmulAtBAccumulate(rows, K, N, patches, K, dy + r0 * N, N, part);
      }
    }
  };
  if (2.0 * M * K * N < 1e6)
    run(0, chunks);
  else
    parallelFor(chunks, 1e12, run);
  for (int64_t ch = 0; ch < chunks; ++ch) {
    const float* part = parts.data() + ch * K * N;
    for (int64_t i = 0; i < K * N; ++i) dw[i] += part[i];
  }
}

// Runs an NHWC computation on NCHW tensors through NHWC copies.
struct Nhwc {
  std::vector<float> data;
  const float* from(const Tensor& t) {
    const Shape& s = t.shape();
    data.resize(static_cast<size_t>(t.size()));
    nchwToNhwc(t.dataPtr<float>(), data.data(), s[0], s[1], s[2] * s[3]);
    return data.data();
  }
};

ConvInfo asChannelsLast(ConvInfo c) {
  c.channelsLast = true;
  return c;
}

// Forward (optionally fused) Conv2D into a new output tensor of info.outShape.
Tensor forward(const ConvInfo& c, const Tensor& x, const Tensor& w, const Epilogue* ep) {
  Tensor y = makeTensor(c.outShape, DType::float32);
  const int64_t M = c.batch * c.outH * c.outW, K = c.filterH * c.filterW * c.inC;
  const PackedB* packedW = packedOnReuse(w, c.isPointwise() ? M : std::min(M, tileRows(K)), K, c.outC);
  if (c.channelsLast) {
    forwardNHWC(c, x.dataPtr<float>(), w.dataPtr<float>(), packedW, y.mutableData<float>(), ep);
    return y;
  }
  Nhwc xin;
  std::vector<float> out(static_cast<size_t>(y.size()));
  forwardNHWC(asChannelsLast(c), xin.from(x), w.dataPtr<float>(), packedW, out.data(), ep);
  nhwcToNchw(out.data(), y.mutableData<float>(), c.batch, c.outC, c.outH * c.outW);
  return y;
}

// Where taps fall into the padding, the product adds 0 × w, which is NaN for an infinite w where
// TF.js adds nothing: those convolutions check w first (the ref kernel skips padding taps).
bool weightsSafe(const ConvInfo& c, const Tensor& w) {
  const bool padded = c.padTop > 0 || c.padLeft > 0 ||
                      (c.outH - 1) * c.strideH + (c.filterH - 1) * c.dilH >= c.inH + c.padTop ||
                      (c.outW - 1) * c.strideW + (c.filterW - 1) * c.dilW >= c.inW + c.padLeft;
  return !padded || allFinite(w.dataPtr<float>(), w.size());
}

std::vector<Tensor> conv2D(const KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& w = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(x.shape(), w.shape(), k.attrs, false);
  if (x.dtype() != DType::float32 || !weightsSafe(c, w)) return {ref::convForward(x, w, c)};
  return {forward(c, x, w, nullptr)};
}

std::vector<Tensor> conv2DBackpropInput(const KernelContext& k) {
  const Tensor& dy = k.inputs[0];
  const Tensor& w = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(k.attrs.getInts("inputShape"), w.shape(), k.attrs, false);
  Tensor dx = makeTensor(c.inShape, DType::float32);
  if (c.channelsLast) {
    backpropInputNHWC(c, dy.dataPtr<float>(), w.dataPtr<float>(), dx.mutableData<float>());
    return {dx};
  }
  Nhwc dyin;
  std::vector<float> out(static_cast<size_t>(dx.size()));
  backpropInputNHWC(asChannelsLast(c), dyin.from(dy), w.dataPtr<float>(), out.data());
  nhwcToNchw(out.data(), dx.mutableData<float>(), c.batch, c.inC, c.inH * c.inW);
  return {dx};
}

std::vector<Tensor> conv2DBackpropFilter(const KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& dy = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(x.shape(), k.attrs.getInts("filterShape"), k.attrs, false);
  if (!allFinite(dy.dataPtr<float>(), dy.size())) return {ref::convBackpropFilter(x, dy, c)};
  Tensor dw = makeTensor(c.filterShape, DType::float32);
  if (c.channelsLast) {
    backpropFilterNHWC(c, x.dataPtr<float>(), dy.dataPtr<float>(), dw.mutableData<float>());
    return {dw};
  }
  Nhwc xin, dyin;
  backpropFilterNHWC(asChannelsLast(c), xin.from(x), dyin.from(dy), dw.mutableData<float>());
  return {dw};
}

// The epilogue of a fused kernel when its bias and weights are per channel (else false).
bool makeEpilogue(const KernelContext& k, const Shape& outShape, bool channelsFirst, Epilogue& ep) {
  auto act = edgeflow::conv::parseActivation(edgeflow::conv::stringAttr(k.attrs, "activation", "linear"));
  auto extras = edgeflow::conv::fusedExtras(k.inputs, act);
  int axis = channelsFirst ? 1 : static_cast<int>(outShape.size()) - 1;
  auto values = [&](const Tensor& t) {
    if (t.dtype() != DType::float32) return std::vector<float>{};
    Shape s = channelsFirst && t.rank() == 1 && t.size() != 1 ? Shape{t.size(), 1, 1} : t.shape();
    return perChannel(t.dataPtr<float>(), s, outShape, axis);
  };
  ep.activation = act;
  ep.leakyreluAlpha = static_cast<float>(k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2);
  if (extras.bias.defined() && (ep.bias = values(extras.bias)).empty()) return false;
  if (extras.alpha.defined() && (ep.alpha = values(extras.alpha)).empty()) return false;
  return true;
}

std::vector<Tensor> fusedConv2D(const KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& w = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(x.shape(), w.shape(), k.attrs, false);
  Epilogue ep;
  bool fusable = makeEpilogue(k, c.outShape, !c.channelsLast, ep);
  bool finite = weightsSafe(c, w);
  if (fusable && finite) return {forward(c, x, w, &ep)};
  // Bias or weights of other shapes: the product here, the epilogue as the ref kernel does it.
  auto act = edgeflow::conv::parseActivation(edgeflow::conv::stringAttr(k.attrs, "activation", "linear"));
  auto extras = edgeflow::conv::fusedExtras(k.inputs, act);
  Tensor y = finite ? forward(c, x, w, nullptr) : ref::convForward(x, w, c);
  double leaky = k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2;
  return {ref::biasActivation(y, extras.bias, edgeflow::conv::stringAttr(k.attrs, "activation", "linear"), extras.alpha,
                              leaky, !c.channelsLast)};
}

}  // namespace

EF_REGISTER_KERNEL("Conv2D", "cpu", conv2D);
EF_REGISTER_KERNEL("Conv2DBackpropInput", "cpu", conv2DBackpropInput);
EF_REGISTER_KERNEL("Conv2DBackpropFilter", "cpu", conv2DBackpropFilter);
EF_REGISTER_KERNEL("FusedConv2D", "cpu", fusedConv2D);

}  // namespace edgeflow::cpu::conv
