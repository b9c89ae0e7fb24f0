// Builds reference kernels for element-wise unary ops. Internal.
#pragma once
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

}  // namespace edgeflow::ref
