// Fast cpu kernels for the element-wise ops training hits hardest: Relu, Relu6, Sigmoid, Tanh, Exp,
// Step, ClipByValue, plus the row helpers of the cpu Softmax. float32 runs through GCC/Clang vector
// extensions (AVX-512, AVX or wasm simd128 lanes) split over threads; other dtypes take the ref kernel.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "backends/cpu/simd.h"
#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

using namespace simd;

// exp with Cephes' expf reduction and polynomial (about 1 ulp). Overflows to +Inf, underflows to
// 0 through denormals, and keeps NaN.
inline VF vexp(VF x) {
  x = select(x > 88.8f, splat(88.8f), x);  // exp(88.8) is already above FLT_MAX
  x = select(x < -104.0f, splat(-104.0f), x);  // and exp(-104) below the smallest denormal
  VF xs = select(x == x, x, splat(0));  // NaN would make the integer conversion undefined
  VF fx = xs * 1.44269504088896341f + 0.5f;
  VI n = __builtin_convertvector(fx, VI);
  n += (VI)(__builtin_convertvector(n, VF) > fx);  // truncation -> floor (the mask is -1)
  VF nf = __builtin_convertvector(n, VF);
  VF r = x - nf * 0.693359375f;
  r = r + nf * 2.12194440e-4f;
  VF p = splat(1.9875691500e-4f);
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * (r * r) + r + 1.0f;
  // 2^n as two normal powers of two so that n in [-150, 128] neither wraps nor loses denormals.
  VI n1 = n >> 1, n2 = n - n1;
  VF s1 = (VF)((n1 + 127) << 23), s2 = (VF)((n2 + 127) << 23);
  return p * s1 * s2;
}

// tanh: Cephes' tanhf polynomial below |x| = 0.625, else 1 - 2 / (exp(2|x|) + 1) with x's sign.
inline VF vtanh(VF x) {
  const VI signBit = VI{} + static_cast<int32_t>(0x80000000u);
  VF ax = (VF)((VI)x & ~signBit);
  VF z = x * x;
  VF small = splat(-5.70498872745e-3f);
  small = small * z + 2.06390887954e-2f;
  small = small * z - 5.37397155531e-2f;
  small = small * z + 1.33314422036e-1f;
  small = small * z - 3.33332819422e-1f;
  small = small * z * x + x;
  VF large = 1.0f - 2.0f / (vexp(ax + ax) + 1.0f);
  large = (VF)((VI)large | ((VI)x & signBit));
  return select(ax < 0.625f, small, large);
}

inline VF vsigmoid(VF x) { return 1.0f / (1.0f + vexp(-x)); }

// max(x, 0) with NaN kept, as Math.max(0, x).
inline VF vrelu(VF x) { return select(x <= 0.0f, splat(0), x); }

// out[i] = f(in[i]) over [begin, end), the tail through a zero-padded vector.
template <class F>
void mapRange(const float* in, float* out, int64_t begin, int64_t end, F f) {
  int64_t i = begin;
  for (; i + kLanes <= end; i += kLanes) store(out + i, f(load(in + i)));
  if (i < end) {
    VF v = {};
    size_t bytes = static_cast<size_t>(end - i) * sizeof(float);
    std::memcpy(&v, in + i, bytes);
    v = f(v);
    std::memcpy(out + i, &v, bytes);
  }
}

// A float32 fast path; every other dtype goes to the ref kernel of the same name (looked up when
// first needed: registration order across files is unspecified).
template <class F>
KernelFunc floatKernel(const char* kernelName, double costPerItem, F f) {
  return [kernelName, costPerItem, f](const KernelContext& c) {
    const Tensor& x = c.inputs[0];
    if (x.dtype() != DType::float32) return getKernel(kernelName, "ref")(c);
    Tensor out = makeTensor(x.shape(), DType::float32);
    const float* in = x.dataPtr<float>();
    float* o = out.mutableData<float>();
    parallelFor(x.size(), costPerItem, [&](int64_t b, int64_t e) { mapRange(in, o, b, e, f); });
    return std::vector<Tensor>{out};
  };
}

// step(x) = 1 where x > 0, NaN where x is NaN, alpha elsewhere: the mask of every relu gradient.
std::vector<Tensor> step(const KernelContext& c) {
  const float alpha = static_cast<float>(c.attrs.getDouble("alpha"));
  return floatKernel("Step", 1, [alpha](VF x) { return select(x > 0.0f, splat(1), select(x != x, x, splat(alpha))); })(c);
}

// clipByValue: min(max(x, lo), hi) with NaN kept (relu6 layers and ReLU(maxValue) use it).
std::vector<Tensor> clipByValue(const KernelContext& c) {
  const float lo = static_cast<float>(c.attrs.getDouble("clipValueMin"));
  const float hi = static_cast<float>(c.attrs.getDouble("clipValueMax"));
  return floatKernel("ClipByValue", 1, [lo, hi](VF x) { return clampLanes(x, lo, hi); })(c);
}

}  // namespace

// Row helpers for the cpu Softmax (softmax_kernel.cpp), kept here beside the vector exp.
// The largest of x[0..n), n >= 1. NaN is skipped: a NaN anywhere makes the row's sum NaN anyway.
float rowMax(const float* x, int64_t n) {
  VF m = splat(-INFINITY);
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    VF v = load(x + i);
    m = select(v > m, v, m);
  }
  float r = -INFINITY;
  for (int k = 0; k < kLanes; ++k) r = m[k] > r ? m[k] : r;
  for (; i < n; ++i) r = x[i] > r ? x[i] : r;
  return r;
}

// out[i] = exp(x[i] - shift); returns the sum of out.
float expShiftedSum(const float* x, float shift, float* out, int64_t n) {
  VF acc = {};
  int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    VF e = vexp(load(x + i) - shift);
    store(out + i, e);
    acc += e;
  }
  if (i < n) {
    VF v = {};
    size_t bytes = static_cast<size_t>(n - i) * sizeof(float);
    std::memcpy(&v, x + i, bytes);
    VF e = vexp(v - shift);
    std::memcpy(out + i, &e, bytes);
    for (int64_t k = 0; k < n - i; ++k) acc[k] += e[k];
  }
  float total = 0;
  for (int k = 0; k < kLanes; ++k) total += acc[k];
  return total;
}

// x[i] /= d.
void divideRow(float* x, float d, int64_t n) {
  mapRange(x, x, 0, n, [d](VF v) { return v / d; });
}

EF_REGISTER_KERNEL("Relu", "cpu", floatKernel("Relu", 1, vrelu));
EF_REGISTER_KERNEL("Relu6", "cpu", floatKernel("Relu6", 1, [](VF x) { return select(x > 6.0f, splat(6), vrelu(x)); }));
EF_REGISTER_KERNEL("Exp", "cpu", floatKernel("Exp", 20, vexp));
EF_REGISTER_KERNEL("Sigmoid", "cpu", floatKernel("Sigmoid", 25, vsigmoid));
EF_REGISTER_KERNEL("Tanh", "cpu", floatKernel("Tanh", 35, vtanh));
EF_REGISTER_KERNEL("Step", "cpu", step);
EF_REGISTER_KERNEL("ClipByValue", "cpu", clipByValue);

}  // namespace edgeflow::cpu
