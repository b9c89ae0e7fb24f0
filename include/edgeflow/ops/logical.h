// Comparisons and logic; results are bool tensors.
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

Tensor equal(const TensorLike& a, const TensorLike& b);
Tensor notEqual(const TensorLike& a, const TensorLike& b);
Tensor less(const TensorLike& a, const TensorLike& b);
Tensor lessEqual(const TensorLike& a, const TensorLike& b);
Tensor greater(const TensorLike& a, const TensorLike& b);
Tensor greaterEqual(const TensorLike& a, const TensorLike& b);
Tensor logicalAnd(const Tensor& a, const Tensor& b);
Tensor logicalOr(const Tensor& a, const Tensor& b);
Tensor logicalNot(const Tensor& x);
Tensor logicalXor(const Tensor& a, const Tensor& b);
// Picks a where condition is true, else b (all three broadcast).
Tensor where(const Tensor& condition, const TensorLike& a, const TensorLike& b);

}  // namespace edgeflow
