// Linear algebra (tf.matMul, tf.transpose, tf.einsum, ...).
#pragma once
#include <string>

#include "edgeflow/tensor.h"

namespace edgeflow {

// Batched over leading dimensions, which broadcast.
Tensor matMul(const Tensor& a, const Tensor& b, bool transposeA = false, bool transposeB = false);
Tensor dot(const Tensor& a, const Tensor& b);
Tensor outerProduct(const Tensor& v1, const Tensor& v2);
Tensor transpose(const Tensor& x, std::vector<int64_t> perm = {});
Tensor einsum(const std::string& equation, const std::vector<Tensor>& tensors);

}  // namespace edgeflow
