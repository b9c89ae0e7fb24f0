// tf.relu6 (kernel Relu6): min(max(x, 0), 6). int32 and bool keep their dtype.
#include "ops/unary_op.h"

namespace edgeflow {

Tensor relu6(const Tensor& x) { return runUnary("Relu6", x); }
Tensor Tensor::relu6() const { return edgeflow::relu6(*this); }

// TF.js's mask: (x <= 6) * step(x).
EF_REGISTER_GRADIENT("Relu6", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  Tensor mask = mul(lessEqual(x, 6), step(x));
  return std::vector<Tensor>{mul(g.dys[0], cast(mask, DType::float32))};
});

}  // namespace edgeflow
