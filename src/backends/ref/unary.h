// Builds reference kernels for element-wise unary ops. Internal.
#pragma once
#include <cmath>
#include <cstdint>
#include <optional>
#include <type_traits>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {

// Float math: int/bool inputs are computed in float32, output float32 (like TF.js's unary math).
template <class F>
KernelFunc floatUnaryKernel(F f) {
  return [f](const KernelContext& c) {
    const Tensor& x = c.inputs[0];
    Tensor out = makeTensor(x.shape(), DType::float32);
    float* o = out.mutableData<float>();
    dispatchDType(x.dtype(), [&](auto zero) {
      using T = decltype(zero);
      const T* p = x.dataPtr<T>();
      for (int64_t i = 0; i < x.size(); ++i) o[i] = static_cast<float>(f(static_cast<float>(p[i])));
    });
    return std::vector<Tensor>{out};
  };
}

// Same-dtype math (neg, abs, square, sign...): the output keeps x's dtype (bool as int32).
template <class F>
KernelFunc sameTypeUnaryKernel(F f) {
  return [f](const KernelContext& c) {
    const Tensor& x = c.inputs[0];
    DType outType = x.dtype() == DType::bool_ ? DType::int32 : x.dtype();
    Tensor out = makeTensor(x.shape(), outType);
    dispatchDType(x.dtype(), [&](auto zero) {
      using T = decltype(zero);
      const T* p = x.dataPtr<T>();
      if (outType == DType::int32 && x.dtype() == DType::bool_) {
        int32_t* o = out.mutableData<int32_t>();
        for (int64_t i = 0; i < x.size(); ++i) o[i] = static_cast<int32_t>(f(static_cast<int32_t>(p[i])));
      } else {
        T* o = out.mutableData<T>();
        for (int64_t i = 0; i < x.size(); ++i) o[i] = static_cast<T>(f(p[i]));
      }
    });
    return std::vector<Tensor>{out};
  };
}

// Stores a JS number the way TF.js's typed arrays do: Float32Array rounds, Int32Array wraps like
// ToInt32 and Uint8Array (bool, uint8) like ToUint8, both truncating and mapping NaN/±Inf to 0.
template <class T>
T fromJsNumber(double v) {
  if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(v);
  } else {
    if (!std::isfinite(v)) return T(0);
    constexpr double kModulus = std::is_same_v<T, int32_t> ? 4294967296.0 : 256.0;
    double m = std::fmod(std::trunc(v), kModulus);
    if (m < 0) m += kModulus;
    return static_cast<T>(static_cast<uint32_t>(m));  // modular, as C++20 defines it
  }
}

// TF.js's cpu unaryKernelFunc: f(double) on each element, stored in x's dtype (or outType) as a
// typed array would. make(attrs) returns f, so attributes are read once per call.
template <class Make>
KernelFunc jsUnaryKernelWithAttrs(Make make, std::optional<DType> outType = std::nullopt) {
  return [make, outType](const KernelContext& c) {
    const Tensor& x = c.inputs[0];
    DType ot = outType.value_or(x.dtype());
    Tensor out = makeTensor(x.shape(), ot);
    auto f = make(c.attrs);
    dispatchDType(x.dtype(), [&](auto zin) {
      using In = decltype(zin);
      const In* p = x.dataPtr<In>();
      dispatchDType(ot, [&](auto zout) {
        using Out = decltype(zout);
        Out* o = out.mutableData<Out>();
        for (int64_t i = 0; i < x.size(); ++i) o[i] = fromJsNumber<Out>(f(static_cast<double>(p[i])));
      });
    });
    return std::vector<Tensor>{out};
  };
}
template <class F>
KernelFunc jsUnaryKernel(F f, std::optional<DType> outType = std::nullopt) {
  return jsUnaryKernelWithAttrs([f](const Attrs&) { return f; }, outType);
}

}  // namespace edgeflow::ref
