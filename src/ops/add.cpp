// tf.add (kernel Add).
#include "ops/binary_op.h"

namespace edgeflow {

Tensor add(const TensorLike& a, const TensorLike& b) { return runBinary("Add", "add", a, b); }
Tensor Tensor::add(const TensorLike& b) const { return edgeflow::add(*this, b); }

EF_REGISTER_GRADIENT("Add", [](const GradContext& g) { return binaryGrads(g, g.dys[0], g.dys[0]); });

}  // namespace edgeflow
