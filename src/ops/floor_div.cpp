// tf.floorDiv (kernel FloorDiv): floor(a / b), always int32 as in TF.js's cpu backend.
#include "ops/binary_op.h"

namespace edgeflow {

std::vector<Tensor> realDivGrads(const GradContext& g);  // div.cpp

Tensor floorDiv(const TensorLike& a, const TensorLike& b) { return runBinary("FloorDiv", "floorDiv", a, b); }
Tensor Tensor::floorDiv(const TensorLike& b) const { return edgeflow::floorDiv(*this, b); }

// TF.js differentiates floorDiv as if it were a / b.
EF_REGISTER_GRADIENT("FloorDiv", realDivGrads);

}  // namespace edgeflow
