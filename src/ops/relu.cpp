// tf.relu (kernel Relu). int32 and bool keep their dtype.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor relu(const Tensor& x) { return runUnary("Relu", x); }
Tensor Tensor::relu() const { return edgeflow::relu(*this); }

EF_REGISTER_GRADIENT("Relu", [](const GradContext& g) {
  const Tensor& dy = g.dys[0];
  const Tensor& x = g.inputs[0];
  return std::vector<Tensor>{mul(dy, cast(step(x), DType::float32))};
});

}  // namespace edgeflow
