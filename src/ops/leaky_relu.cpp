// tf.leakyRelu (kernel LeakyRelu): x < 0 ? alpha * x : x. The output is float32 for every input dtype.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor leakyRelu(const Tensor& x, double alpha) { return runUnary("LeakyRelu", x, Attrs{{"alpha", alpha}}); }
Tensor Tensor::leakyRelu(double alpha) const { return edgeflow::leakyRelu(*this, alpha); }

EF_REGISTER_GRADIENT("LeakyRelu", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  Tensor positive = greater(g.inputs[0], 0);
  return std::vector<Tensor>{where(positive, dy, mul(dy, g.attrs.getDouble("alpha")))};
});

}  // namespace edgeflow
