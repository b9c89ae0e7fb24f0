// Reference kernels of the element-wise unary math ops. Like TF.js's cpu backend they compute each
// element in double and store it in the input's dtype (exp: float32; isNaN/isInf/isFinite: bool).
#include <cmath>
#include <limits>

#include "backends/ref/unary.h"

namespace edgeflow::ref {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// TF.js's erf: Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
double erfApprox(double x) {
  constexpr double p = 0.3275911, a1 = 0.254829592, a2 = -0.284496736, a3 = 1.421413741, a4 = -1.453152027,
                   a5 = 1.061405429;
  double sign = x > 0 ? 1 : x < 0 ? -1 : x;  // keeps ±0 and NaN, like Math.sign
  double v = std::fabs(x);
  double t = 1.0 / (1.0 + p * v);
  return sign * (1.0 - (((((a5 * t + a4) * t) + a3) * t + a2) * t + a1) * t * std::exp(-v * v));
}

// Banker's rounding, written as TF.js's kernel does it (so ±Inf and NaN come out the same way).
double roundHalfToEven(double x) {
  double base = std::floor(x);
  double frac = x - base;
  if (frac < 0.5) return base;
  if (frac > 0.5) return std::ceil(x);
  return std::fmod(base, 2.0) == 0.0 ? base : base + 1.0;
}

}  // namespace

EF_REGISTER_KERNEL("Abs", "ref", jsUnaryKernel([](double x) { return std::fabs(x); }));
EF_REGISTER_KERNEL("Acos", "ref", jsUnaryKernel([](double x) { return std::acos(x); }));
EF_REGISTER_KERNEL("Acosh", "ref", jsUnaryKernel([](double x) { return std::acosh(x); }));
EF_REGISTER_KERNEL("Asin", "ref", jsUnaryKernel([](double x) { return std::asin(x); }));
EF_REGISTER_KERNEL("Asinh", "ref", jsUnaryKernel([](double x) { return std::asinh(x); }));
EF_REGISTER_KERNEL("Atan", "ref", jsUnaryKernel([](double x) { return std::atan(x); }));
EF_REGISTER_KERNEL("Atanh", "ref", jsUnaryKernel([](double x) { return std::atanh(x); }));
EF_REGISTER_KERNEL("Ceil", "ref", jsUnaryKernel([](double x) { return std::ceil(x); }));
EF_REGISTER_KERNEL("Cos", "ref", jsUnaryKernel([](double x) { return std::cos(x); }));
EF_REGISTER_KERNEL("Cosh", "ref", jsUnaryKernel([](double x) { return std::cosh(x); }));
EF_REGISTER_KERNEL("Erf", "ref", jsUnaryKernel(erfApprox));
EF_REGISTER_KERNEL("Exp", "ref", jsUnaryKernel([](double x) { return std::exp(x); }, DType::float32));
EF_REGISTER_KERNEL("Expm1", "ref", jsUnaryKernel([](double x) { return std::expm1(x); }));
EF_REGISTER_KERNEL("Floor", "ref", jsUnaryKernel([](double x) { return std::floor(x); }));
EF_REGISTER_KERNEL("Log", "ref", jsUnaryKernel([](double x) { return std::log(x); }));
EF_REGISTER_KERNEL("Log1p", "ref", jsUnaryKernel([](double x) { return std::log1p(x); }));
EF_REGISTER_KERNEL("Reciprocal", "ref", jsUnaryKernel([](double x) { return 1.0 / x; }));
EF_REGISTER_KERNEL("Round", "ref", jsUnaryKernel(roundHalfToEven));
EF_REGISTER_KERNEL("Rsqrt", "ref", jsUnaryKernel([](double x) { return 1.0 / std::sqrt(x); }));
EF_REGISTER_KERNEL("Sign", "ref", jsUnaryKernel([](double x) { return x < 0 ? -1.0 : x > 0 ? 1.0 : 0.0; }));
EF_REGISTER_KERNEL("Sin", "ref", jsUnaryKernel([](double x) { return std::sin(x); }));
EF_REGISTER_KERNEL("Sinh", "ref", jsUnaryKernel([](double x) { return std::sinh(x); }));
EF_REGISTER_KERNEL("Sqrt", "ref", jsUnaryKernel([](double x) { return std::sqrt(x); }));
EF_REGISTER_KERNEL("Square", "ref", jsUnaryKernel([](double x) { return x * x; }));
EF_REGISTER_KERNEL("Tan", "ref", jsUnaryKernel([](double x) { return std::tan(x); }));
EF_REGISTER_KERNEL("Tanh", "ref", jsUnaryKernel([](double x) { return std::tanh(x); }));
EF_REGISTER_KERNEL("IsNan", "ref", jsUnaryKernel([](double x) { return std::isnan(x) ? 1.0 : 0.0; }, DType::bool_));
EF_REGISTER_KERNEL("IsInf", "ref", jsUnaryKernel([](double x) { return std::isinf(x) ? 1.0 : 0.0; }, DType::bool_));
EF_REGISTER_KERNEL("IsFinite", "ref",
                   jsUnaryKernel([](double x) { return std::isfinite(x) ? 1.0 : 0.0; }, DType::bool_));

EF_REGISTER_KERNEL("Step", "ref", jsUnaryKernelWithAttrs([](const Attrs& a) {
                     double alpha = a.getDouble("alpha");
                     return [alpha](double x) { return std::isnan(x) ? kNaN : x > 0 ? 1.0 : alpha; };
                   }));
EF_REGISTER_KERNEL("ClipByValue", "ref", jsUnaryKernelWithAttrs([](const Attrs& a) {
                     double lo = a.getDouble("clipValueMin"), hi = a.getDouble("clipValueMax");
                     return [lo, hi](double x) { return x > hi ? hi : x < lo ? lo : x; };
                   }));

}  // namespace edgeflow::ref
