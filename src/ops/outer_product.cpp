// tf.outerProduct: v1 [m] ⊗ v2 [n] -> [m, n], via matMul (as TF.js).
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"

namespace edgeflow {

Tensor outerProduct(const Tensor& v1, const Tensor& v2) {
  if (v1.rank() != 1 || v2.rank() != 1)
    throw Error("outerProduct: inputs must be rank 1, got v1 " + shapeToString(v1.shape()) + " and v2 " +
                shapeToString(v2.shape()));
  return matMul(reshape(v1, {v1.size(), 1}), reshape(v2, {1, v2.size()}));
}

}  // namespace edgeflow
