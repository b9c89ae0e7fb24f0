// Shared by the element-wise unary ops and the activations. Internal.
#pragma once
#include "edgeflow/kernel.h"
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

// Runs a unary kernel; as in TF.js the kernel decides the output dtype (usually x's).
inline Tensor runUnary(const char* kernel, const Tensor& x, const Attrs& attrs = {}) {
  return runKernel1(kernel, {x}, attrs);
}

// For ops whose TF.js version only takes float32 tensors (convertToTensor(..., 'float32')).
inline Tensor runFloatUnary(const char* kernel, const char* op, const Tensor& x, const char* arg = "x",
                            const Attrs& attrs = {}) {
  assertDType(x, {DType::float32}, op, arg);
  return runKernel1(kernel, {x}, attrs);
}

// The gradient of piecewise-constant ops (floor, sign, step, isNaN, ...).
inline std::vector<Tensor> zeroGradient(const GradContext& g) { return {zerosLike(g.dys[0])}; }

}  // namespace edgeflow
