// tf.erf (kernel Erf): TF.js's Abramowitz-Stegun approximation. int32 is cast to float32; bool is rejected.
#include <cmath>
#include <numbers>

#include "ops/unary_op.h"

namespace edgeflow {

Tensor erf(const Tensor& x) {
  assertDType(x, {DType::float32, DType::int32}, "erf", "x");
  return runUnary("Erf", toFloat(x));
}
Tensor Tensor::erf() const { return edgeflow::erf(*this); }

EF_REGISTER_GRADIENT("Erf", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  Tensor slope = mul(exp(neg(square(x))), 2 / std::sqrt(std::numbers::pi));
  return std::vector<Tensor>{mul(g.dys[0], slope)};
});

}  // namespace edgeflow
