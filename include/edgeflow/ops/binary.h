// Element-wise binary math with NumPy/TF.js broadcasting; dtypes are upcast as in TF.js.
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

Tensor add(const TensorLike& a, const TensorLike& b);
Tensor addN(const std::vector<Tensor>& tensors);
Tensor sub(const TensorLike& a, const TensorLike& b);
Tensor mul(const TensorLike& a, const TensorLike& b);
Tensor div(const TensorLike& a, const TensorLike& b);
Tensor divNoNan(const TensorLike& a, const TensorLike& b);
Tensor floorDiv(const TensorLike& a, const TensorLike& b);
Tensor mod(const TensorLike& a, const TensorLike& b);
Tensor pow(const TensorLike& base, const TensorLike& exp);
Tensor maximum(const TensorLike& a, const TensorLike& b);
Tensor minimum(const TensorLike& a, const TensorLike& b);
Tensor squaredDifference(const TensorLike& a, const TensorLike& b);
Tensor atan2(const TensorLike& a, const TensorLike& b);

// The shape two broadcast operands give; throws naming the op and both shapes.
Shape broadcastShapes(const Shape& a, const Shape& b, const char* op);

}  // namespace edgeflow
