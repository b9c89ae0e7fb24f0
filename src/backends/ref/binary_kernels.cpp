// Reference kernels of the element-wise binary math ops. Inputs arrive with equal dtypes.
//
// TF.js's cpu backend computes each element in a JS double and stores it into the output's typed
// array; these kernels do the same, so int32 results wrap like an Int32Array store and bool (a
// Uint8Array in TF.js) results wrap modulo 256.
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>

#include "backends/cpu/binary_kernels.h"
#include "backends/ref/broadcast.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"

namespace edgeflow::ref {
namespace {

// What assigning the double v to an element of a Float32Array / Int32Array / Uint8Array stores.
template <class T>
T storeAs(double v) {
  if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(v);
  } else {
    if (!std::isfinite(v)) return T(0);
    if (v > std::numeric_limits<T>::min() - 1.0 && v < std::numeric_limits<T>::max() + 1.0)
      return static_cast<T>(v);  // in range: truncation is the whole story
    constexpr double kMod = std::is_same_v<T, int32_t> ? 4294967296.0 : 256.0;
    double m = std::fmod(std::trunc(v), kMod);
    if (m < 0) m += kMod;
    if (std::is_signed_v<T> && m >= kMod / 2) m -= kMod;
    return static_cast<T>(static_cast<int64_t>(m));
  }
}

// out = f(a, b) computed in double; the output has the inputs' dtype unless outType is given.
template <class F>
KernelFunc jsMathKernel(F f, std::optional<DType> outType = std::nullopt) {
  return [f, outType](const KernelContext& c) {
    const Tensor& a = c.inputs[0];
    const Tensor& b = c.inputs[1];
    Shape os = broadcastShapes(a.shape(), b.shape(), "binary kernel");
    Tensor out = makeTensor(os, outType.value_or(a.dtype()));
    dispatchDType(a.dtype(), [&](auto zin) {
      using T = decltype(zin);
      dispatchDType(out.dtype(), [&](auto zout) {
        using O = decltype(zout);
        binaryBroadcast(a.dataPtr<T>(), a.shape(), b.dataPtr<T>(), b.shape(), out.mutableData<O>(), os,
                        [&](T x, T y) { return storeAs<O>(f(static_cast<double>(x), static_cast<double>(y))); });
      });
    });
    return std::vector<Tensor>{out};
  };
}

// JavaScript's % (C's fmod) with TF.js's sign rule: the result takes the divisor's sign.
double jsMod(double a, double b) {
  double rem = std::fmod(a, b);
  if ((a < 0 && b < 0) || (a >= 0 && b >= 0)) return rem;
  return std::fmod(rem + b, b);
}

// Math.pow: unlike C's pow, 1^NaN and (±1)^±Infinity are NaN.
double jsPow(double a, double b) {
  if (std::isnan(b)) return NAN;
  if (std::isinf(b) && std::fabs(a) == 1) return NAN;
  return std::pow(a, b);
}

// Math.max / Math.min: NaN if either is NaN.
double jsMax(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : (a > b ? a : b); }
double jsMin(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : (a < b ? a : b); }

// Sums the inputs in order, storing after each addition like TF.js's typed-array accumulation.
std::vector<Tensor> addN(const KernelContext& c) {
  const Tensor& first = c.inputs[0];
  Tensor out = makeTensor(first.shape(), first.dtype());
  dispatchDType(first.dtype(), [&](auto zero) {
    using T = decltype(zero);
    T* o = out.mutableData<T>();
    for (int64_t j = 0; j < first.size(); ++j) o[j] = T(0);
    for (const Tensor& t : c.inputs) {
      const T* p = t.dataPtr<T>();
      for (int64_t j = 0; j < first.size(); ++j) o[j] = storeAs<T>(static_cast<double>(o[j]) + p[j]);
    }
  });
  return {out};
}

const std::map<std::string, KernelFunc>& kernels() {
  static const std::map<std::string, KernelFunc> k = {
      {"Add", jsMathKernel([](double x, double y) { return x + y; })},
      {"Sub", jsMathKernel([](double x, double y) { return x - y; })},
      {"Multiply", jsMathKernel([](double x, double y) { return x * y; })},
      {"RealDiv", jsMathKernel([](double x, double y) { return x / y; })},
      {"FloorDiv", jsMathKernel([](double x, double y) { return std::floor(x / y); }, DType::int32)},
      {"Mod", jsMathKernel(jsMod)},
      {"Pow", jsMathKernel(jsPow)},
      {"Maximum", jsMathKernel(jsMax)},
      {"Minimum", jsMathKernel(jsMin)},
      {"SquaredDifference", jsMathKernel([](double x, double y) { return (x - y) * (x - y); })},
      {"Atan2", jsMathKernel([](double x, double y) { return std::atan2(x, y); })},
      {"AddN", addN},
  };
  return k;
}

}  // namespace

const KernelFunc& binaryKernel(const std::string& kernelName) {
  auto it = kernels().find(kernelName);
  if (it == kernels().end()) throw Error("ref::binaryKernel: no kernel " + kernelName);
  return it->second;
}

EF_REGISTER_KERNEL("Add", "ref", binaryKernel("Add"));
EF_REGISTER_KERNEL("Sub", "ref", binaryKernel("Sub"));
EF_REGISTER_KERNEL("Multiply", "ref", binaryKernel("Multiply"));
EF_REGISTER_KERNEL("RealDiv", "ref", binaryKernel("RealDiv"));
EF_REGISTER_KERNEL("FloorDiv", "ref", binaryKernel("FloorDiv"));
EF_REGISTER_KERNEL("Mod", "ref", binaryKernel("Mod"));
EF_REGISTER_KERNEL("Pow", "ref", binaryKernel("Pow"));
EF_REGISTER_KERNEL("Maximum", "ref", binaryKernel("Maximum"));
EF_REGISTER_KERNEL("Minimum", "ref", binaryKernel("Minimum"));
EF_REGISTER_KERNEL("SquaredDifference", "ref", binaryKernel("SquaredDifference"));
EF_REGISTER_KERNEL("Atan2", "ref", binaryKernel("Atan2"));
EF_REGISTER_KERNEL("AddN", "ref", binaryKernel("AddN"));

}  // namespace edgeflow::ref
