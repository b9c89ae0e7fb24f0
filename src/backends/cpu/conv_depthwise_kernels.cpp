// The cpu backend's DepthwiseConv2dNative, its two gradients and FusedDepthwiseConv2D (NHWC):
// direct loops vectorised over the channels, threads over output (or input) rows. With a channel
// multiplier of one the channel blocks keep their sums in registers across the filter taps (3×3
// filters without dilation: conv_depthwise_3x3.cpp); larger multipliers take scalar loops.
#include <algorithm>

#include "backends/cpu/conv_depthwise_3x3.h"
#include "backends/cpu/conv_gemm.h"
#include "backends/cpu/gemm_kernel.h"
#include "backends/ref/conv_kernels.h"
#include "edgeflow/parallel.h"
#include "ops/conv/fused_util.h"

namespace edgeflow::cpu::conv {
namespace {

constexpr int W = kVecFloats;
using V = Vec;

// Valid output range [lo, hi) of ow for filter column fw: iw = ow*s - pad + fw*d in [0, inW).
void validRange(int64_t fw, int64_t stride, int64_t pad, int64_t dil, int64_t in, int64_t out, int64_t& lo,
                int64_t& hi) {
  int64_t off = fw * dil - pad;  // iw = ow * stride + off
  lo = off >= 0 ? 0 : (-off + stride - 1) / stride;
  hi = in - off <= 0 ? 0 : std::min<int64_t>(out, (in - off + stride - 1) / stride);
  if (hi < lo) hi = lo;
}

void forwardRows(const ConvInfo& c, const float* x, const float* w, float* y, const Epilogue* ep, int64_t r0,
                 int64_t r1) {
  const int64_t C = c.inC, mul = c.chMul(), OC = c.outC;
  for (int64_t r = r0; r < r1; ++r) {
    int64_t n = r / c.outH, oh = r % c.outH;
    float* yrow = y + r * c.outW * OC;
    const float* image = x + n * c.inH * c.inW * C;
    for (int64_t ow = 0; ow < c.outW; ++ow) {
      float* out = yrow + ow * OC;
      // The taps inside the input, as (input pixel, filter tap) offsets.
      int64_t xs[64], ws[64], taps = 0;
      for (int64_t fh = 0; fh < c.filterH; ++fh) {
        int64_t ih = oh * c.strideH - c.padTop + fh * c.dilH;
        if (ih < 0 || ih >= c.inH) continue;
        for (int64_t fw = 0; fw < c.filterW; ++fw) {
          int64_t iw = ow * c.strideW - c.padLeft + fw * c.dilW;
          if (iw < 0 || iw >= c.inW) continue;
          if (taps == 64) break;
          xs[taps] = (ih * c.inW + iw) * C;
          ws[taps++] = (fh * c.filterW + fw) * OC;
        }
      }
      if (mul == 1) {
        int64_t ch = 0;
        for (; ch + 2 * W <= C; ch += 2 * W) {
          V a0{}, a1{};
          for (int64_t t = 0; t < taps; ++t) {
            a0 += loadu<V>(image + xs[t] + ch) * loadu<V>(w + ws[t] + ch);
            a1 += loadu<V>(image + xs[t] + ch + W) * loadu<V>(w + ws[t] + ch + W);
          }
          storeu(out + ch, a0);
          storeu(out + ch + W, a1);
        }
        for (; ch + W <= C; ch += W) {
          V a0{};
          for (int64_t t = 0; t < taps; ++t) a0 += loadu<V>(image + xs[t] + ch) * loadu<V>(w + ws[t] + ch);
          storeu(out + ch, a0);
        }
        for (; ch < C; ++ch) {
          float s = 0;
          for (int64_t t = 0; t < taps; ++t) s += image[xs[t] + ch] * w[ws[t] + ch];
          out[ch] = s;
        }
      } else {
        std::fill(out, out + OC, 0.0f);
        for (int64_t t = 0; t < taps; ++t)
          for (int64_t ch = 0; ch < C; ++ch) {
            float xv = image[xs[t] + ch];
            for (int64_t q = 0; q < mul; ++q) out[ch * mul + q] += xv * w[ws[t] + ch * mul + q];
          }
      }
    }
    if (ep && ep->active()) ep->apply(yrow, c.outW, OC);
  }
}

void forward(const ConvInfo& c, const float* x, const float* w, float* y, const Epilogue* ep) {
  double cost = 2.0 * c.outW * c.filterH * c.filterW * c.outC;
  GemmEpilogue inRegisters;
  if (depthwise3x3Applies(c) && (!ep || !ep->active() || ep->asGemmEpilogue(inRegisters))) {
    const GemmEpilogue* e = ep && ep->active() ? &inRegisters : nullptr;
    parallelFor(c.batch * c.outH, cost, [&](int64_t r0, int64_t r1) { depthwise3x3Rows(c, x, w, y, e, r0, r1); });
    return;
  }
  parallelFor(c.batch * c.outH, cost, [&](int64_t r0, int64_t r1) { forwardRows(c, x, w, y, ep, r0, r1); });
}

// dx[n, ih, iw, ch] gathers dy · w over the outputs whose windows cover (ih, iw).
void backpropInput(const ConvInfo& c, const float* dy, const float* w, float* dx) {
  const int64_t C = c.inC, mul = c.chMul(), OC = c.outC;
  double cost = 2.0 * c.inW * c.filterH * c.filterW * OC;
  parallelFor(c.batch * c.inH, cost, [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      int64_t n = r / c.inH, ih = r % c.inH;
      const float* dyImage = dy + n * c.outH * c.outW * OC;
      for (int64_t iw = 0; iw < c.inW; ++iw) {
        float* out = dx + (r * c.inW + iw) * C;
        int64_t ys[64], ws[64], taps = 0;
        for (int64_t fh = 0; fh < c.filterH; ++fh) {
          int64_t t = ih + c.padTop - fh * c.dilH;
          if (t < 0 || t % c.strideH) continue;
          int64_t oh = t / c.strideH;
          if (oh >= c.outH) continue;
          for (int64_t fw = 0; fw < c.filterW; ++fw) {
            int64_t u = iw + c.padLeft - fw * c.dilW;
            if (u < 0 || u % c.strideW) continue;
            int64_t ow = u / c.strideW;
            if (ow >= c.outW || taps == 64) continue;
            ys[taps] = (oh * c.outW + ow) * OC;
            ws[taps++] = (fh * c.filterW + fw) * OC;
          }
        }
        if (mul == 1) {
          int64_t ch = 0;
          for (; ch + W <= C; ch += W) {
            V a{};
            for (int64_t t = 0; t < taps; ++t) a += loadu<V>(dyImage + ys[t] + ch) * loadu<V>(w + ws[t] + ch);
            storeu(out + ch, a);
          }
          for (; ch < C; ++ch) {
            float s = 0;
            for (int64_t t = 0; t < taps; ++t) s += dyImage[ys[t] + ch] * w[ws[t] + ch];
            out[ch] = s;
          }
        } else {
          for (int64_t ch = 0; ch < C; ++ch) {
            float s = 0;
            for (int64_t t = 0; t < taps; ++t)
              for (int64_t q = 0; q < mul; ++q) s += dyImage[ys[t] + ch * mul + q] * w[ws[t] + ch * mul + q];
            out[ch] = s;
          }
        }
      }
    }
  });
}

// dw[tap, j] = Σ x[.., j / mul] · dy[.., j] over every output; per-chunk partial sums.
void backpropFilter(const ConvInfo& c, const float* x, const float* dy, float* dw) {
  const int64_t C = c.inC, mul = c.chMul(), OC = c.outC, taps = c.filterH * c.filterW;
  const int64_t rows = c.batch * c.outH;
  std::fill(dw, dw + taps * OC, 0.0f);
  if (rows == 0 || OC == 0) return;
  const int64_t chunks = std::min<int64_t>(numThreads(), rows);
  std::vector<float> parts(static_cast<size_t>(chunks * taps * OC), 0.0f);
  auto run = [&](int64_t c0, int64_t c1) {
    for (int64_t chunk = c0; chunk < c1; ++chunk) {
      float* part = parts.data() + chunk * taps * OC;
      for (int64_t r = rows * chunk / chunks; r < rows * (chunk + 1) / chunks; ++r) {
        int64_t n = r / c.outH, oh = r % c.outH;
        const float* image = x + n * c.inH * c.inW * C;
        const float* dyRow = dy + r * c.outW * OC;
        for (int64_t fh = 0; fh < c.filterH; ++fh) {
          int64_t ih = oh * c.strideH - c.padTop + fh * c.dilH;
          if (ih < 0 || ih >= c.inH) continue;
          const float* xRow = image + ih * c.inW * C;
          for (int64_t fw = 0; fw < c.filterW; ++fw) {
            int64_t lo, hi;
            validRange(fw, c.strideW, c.padLeft, c.dilW, c.inW, c.outW, lo, hi);
            float* acc = part + (fh * c.filterW + fw) * OC;
            int64_t off = fw * c.dilW - c.padLeft;
            if (mul == 1) {
              int64_t ch = 0;
              for (; ch + W <= C; ch += W) {
                V a = loadu<V>(acc + ch);
                for (int64_t ow = lo; ow < hi; ++ow)
                  a += loadu<V>(xRow + (ow * c.strideW + off) * C + ch) * loadu<V>(dyRow + ow * OC + ch);
                storeu(acc + ch, a);
              }
              for (; ch < C; ++ch) {
                float s = acc[ch];
                for (int64_t ow = lo; ow < hi; ++ow) s += xRow[(ow * c.strideW + off) * C + ch] * dyRow[ow * OC + ch];
                acc[ch] = s;
              }
            } else {
              for (int64_t ow = lo; ow < hi; ++ow) {
                const float* xp = xRow + (ow * c.strideW + off) * C;
                const float* dp = dyRow + ow * OC;
                for (int64_t j = 0; j < OC; ++j) acc[j] += xp[j / mul] * dp[j];
              }
            }
          }
        }
      }
    }
  };
  if (2.0 * rows * c.outW * taps * OC < 1e6)
    run(0, chunks);
  else
    parallelFor(chunks, 1e12, run);
  for (int64_t chunk = 0; chunk < chunks; ++chunk) {
    const float* part = parts.data() + chunk * taps * OC;
    for (int64_t i = 0; i < taps * OC; ++i) dw[i] += part[i];
  }
}

bool supported(const ConvInfo& c) { return c.channelsLast && c.filterH * c.filterW <= 64; }

std::vector<Tensor> depthwise(const KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& w = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(x.shape(), w.shape(), k.attrs, true);
  if (!supported(c)) return {ref::depthwiseForward(x, w, c)};
  Tensor y = makeTensor(c.outShape, DType::float32);
  forward(c, x.dataPtr<float>(), w.dataPtr<float>(), y.mutableData<float>(), nullptr);
  return {y};
}

std::vector<Tensor> depthwiseInput(const KernelContext& k) {
  const Tensor& dy = k.inputs[0];
  const Tensor& w = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(k.attrs.getInts("inputShape"), w.shape(), k.attrs, true);
  if (!supported(c)) return {ref::depthwiseBackpropInput(dy, w, c)};
  Tensor dx = makeTensor(c.inShape, DType::float32);
  backpropInput(c, dy.dataPtr<float>(), w.dataPtr<float>(), dx.mutableData<float>());
  return {dx};
}

std::vector<Tensor> depthwiseFilter(const KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& dy = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(x.shape(), k.attrs.getInts("filterShape"), k.attrs, true);
  if (!supported(c)) return {ref::depthwiseBackpropFilter(x, dy, c)};
  Tensor dw = makeTensor(c.filterShape, DType::float32);
  backpropFilter(c, x.dataPtr<float>(), dy.dataPtr<float>(), dw.mutableData<float>());
  return {dw};
}

std::vector<Tensor> fusedDepthwise(const KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& w = k.inputs[1];
  auto c = edgeflow::conv::conv2DInfoFromAttrs(x.shape(), w.shape(), k.attrs, true);
  auto act = edgeflow::conv::parseActivation(edgeflow::conv::stringAttr(k.attrs, "activation", "linear"));
  auto extras = edgeflow::conv::fusedExtras(k.inputs, act);
  double leaky = k.attrs.has("leakyreluAlpha") ? k.attrs.getDouble("leakyreluAlpha") : 0.2;
  Epilogue ep;
  ep.activation = act;
  ep.leakyreluAlpha = static_cast<float>(leaky);
  auto values = [&](const Tensor& t) {
    return t.dtype() == DType::float32 ? perChannel(t.dataPtr<float>(), t.shape(), c.outShape, 3) : std::vector<float>{};
  };
  bool fusable = supported(c);
  if (fusable && extras.bias.defined()) fusable = !(ep.bias = values(extras.bias)).empty();
  if (fusable && extras.alpha.defined()) fusable = !(ep.alpha = values(extras.alpha)).empty();
  Tensor y = supported(c) ? makeTensor(c.outShape, DType::float32) : ref::depthwiseForward(x, w, c);
  if (supported(c)) forward(c, x.dataPtr<float>(), w.dataPtr<float>(), y.mutableData<float>(), fusable ? &ep : nullptr);
  if (fusable) return {y};
  return {ref::biasActivation(y, extras.bias, edgeflow::conv::stringAttr(k.attrs, "activation", "linear"), extras.alpha,
                              leaky, false)};
}

}  // namespace

EF_REGISTER_KERNEL("DepthwiseConv2dNative", "cpu", depthwise);
EF_REGISTER_KERNEL("DepthwiseConv2dNativeBackpropInput", "cpu", depthwiseInput);
EF_REGISTER_KERNEL("DepthwiseConv2dNativeBackpropFilter", "cpu", depthwiseFilter);
EF_REGISTER_KERNEL("FusedDepthwiseConv2D", "cpu", fusedDepthwise);

}  // namespace edgeflow::cpu::conv
