// tf.prelu (kernel Prelu): x < 0 ? alpha * x : x, alpha broadcast against x. The output is float32.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor prelu(const Tensor& x, const Tensor& alpha) {
  broadcastShapes(x.shape(), alpha.shape(), "prelu");
  return runKernel1("Prelu", {x, alpha});
}
Tensor Tensor::prelu(const Tensor& alpha) const { return edgeflow::prelu(*this, alpha); }

EF_REGISTER_GRADIENT("Prelu", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& alpha = g.inputs[1];
  const Tensor& dy = g.dys[0];
  Tensor positive = greater(x, 0);
  Tensor dx = where(positive, dy, mul(dy, alpha));
  Tensor dalpha = where(positive, zerosLike(dy), mul(dy, x));
  return std::vector<Tensor>{dx, reduceGradToShape(dalpha, alpha.shape())};
});

}  // namespace edgeflow
