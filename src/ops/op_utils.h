// Helpers shared by op implementations and gradients. Internal.
#pragma once
#include <string>
#include <utility>

#include "edgeflow/kernel.h"
#include "edgeflow/tensor.h"

namespace edgeflow {

// Casts a and b to their common dtype (TF.js's makeTypesMatch).
std::pair<Tensor, Tensor> makeTypesMatch(const Tensor& a, const Tensor& b);
// Throws "<op>: argument '<arg>' must be <allowed>, got <dtype>" unless x's dtype is allowed.
void assertDType(const Tensor& x, std::initializer_list<DType> allowed, const char* op, const char* arg);
// Normalises a possibly negative axis; throws naming the op if it is out of range.
int64_t normalizeAxis(int64_t axis, int rank, const char* op);
// Sums dy over the axes along which `shape` was broadcast, then reshapes it to `shape`.
Tensor reduceGradToShape(const Tensor& dy, const Shape& shape);
// The argument tensor as float32 (a no-op when it already is).
Tensor toFloat(const Tensor& x);

}  // namespace edgeflow
