// The common path of element-wise binary ops: dtype matching, broadcast check, kernel call. Internal.
#pragma once
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "ops/op_utils.h"

namespace edgeflow {

// Upcasts a and b to a common dtype, checks they broadcast, runs the kernel.
Tensor runBinary(const char* kernel, const char* op, const Tensor& a, const Tensor& b);

// Gradient helper: reduces each of the two gradients to its input's shape.
std::vector<Tensor> binaryGrads(const GradContext& g, const Tensor& da, const Tensor& db);

}  // namespace edgeflow
