// tf.selu (kernel Selu). int32 and bool keep their dtype.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor selu(const Tensor& x) { return runUnary("Selu", x); }
Tensor Tensor::selu() const { return edgeflow::selu(*this); }

EF_REGISTER_GRADIENT("Selu", [](const GradContext& g) {
  constexpr double kScaleAlpha = 1.7580993408473768599402175208123;
  constexpr double kScale = 1.0507009873554804934193349852946;
  const Tensor& x = g.inputs[0];
  const Tensor& dy = g.dys[0];
  Tensor positive = mul(dy, kScale);
  Tensor negative = mul(mul(dy, kScaleAlpha), exp(toFloat(x)));
  return std::vector<Tensor>{where(greater(x, 0), positive, negative)};
});

}  // namespace edgeflow
