// Element-wise unary math (tf.abs, tf.exp, ...). Float ops on int inputs compute in float32.
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

Tensor abs(const Tensor& x);
Tensor acos(const Tensor& x);
Tensor acosh(const Tensor& x);
Tensor asin(const Tensor& x);
Tensor asinh(const Tensor& x);
Tensor atan(const Tensor& x);
Tensor atanh(const Tensor& x);
Tensor ceil(const Tensor& x);
Tensor cos(const Tensor& x);
Tensor cosh(const Tensor& x);
Tensor erf(const Tensor& x);
Tensor exp(const Tensor& x);
Tensor expm1(const Tensor& x);
Tensor floor(const Tensor& x);
Tensor log(const Tensor& x);
Tensor log1p(const Tensor& x);
Tensor neg(const Tensor& x);
Tensor reciprocal(const Tensor& x);
Tensor round(const Tensor& x);  // half to even, as TF.js
Tensor rsqrt(const Tensor& x);
Tensor sign(const Tensor& x);
Tensor sin(const Tensor& x);
Tensor sinh(const Tensor& x);
Tensor sqrt(const Tensor& x);
Tensor square(const Tensor& x);
Tensor step(const Tensor& x, double alpha = 0.0);
Tensor tan(const Tensor& x);
Tensor tanh(const Tensor& x);
Tensor isNaN(const Tensor& x);
Tensor isInf(const Tensor& x);
Tensor isFinite(const Tensor& x);
Tensor clipByValue(const Tensor& x, double clipValueMin, double clipValueMax);
Tensor cast(const Tensor& x, DType dtype);

}  // namespace edgeflow
