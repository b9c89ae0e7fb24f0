// Fast element-wise binary loops for cpu kernels. Internal.
//
// Broadcasting is reduced to rows of a contiguous inner loop in one of four forms (both operands
// contiguous, either one a repeated scalar, or both strided) that the compiler vectorises; same
// shapes, scalar operands and row (bias) or column broadcasts all become one of the first three.
// Large outputs are split over threads with parallelFor.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"
#include "edgeflow/types.h"

namespace edgeflow {
namespace ref {
// The reference kernel of an element-wise binary math op (Add, Sub, Multiply, RealDiv, ...), for
// cpu kernels to fall back on for dtypes they do not specialise. Defined in ref/binary_kernels.cpp.
const KernelFunc& binaryKernel(const std::string& kernelName);
}  // namespace ref

namespace cpu {

// The output's dims with each operand's element strides (0 along broadcast dims), after dropping
// size-1 dims and merging neighbours that both operands walk contiguously. Never empty.
struct BroadcastLayout {
  std::vector<int64_t> dims, aStrides, bStrides;

  BroadcastLayout(const Shape& a, const Shape& b, const Shape& out) {
    auto as = operandStrides(a, out), bs = operandStrides(b, out);
    for (size_t i = out.size(); i-- > 0;) {
      if (out[i] == 1) continue;
      if (!dims.empty() && as[i] == aStrides.back() * dims.back() && bs[i] == bStrides.back() * dims.back()) {
        dims.back() *= out[i];
        continue;
      }
      dims.push_back(out[i]);
      aStrides.push_back(as[i]);
      bStrides.push_back(bs[i]);
    }
    if (dims.empty()) dims = aStrides = bStrides = {1};
    std::reverse(dims.begin(), dims.end());
    std::reverse(aStrides.begin(), aStrides.end());
    std::reverse(bStrides.begin(), bStrides.end());
  }

 private:
  static std::vector<int64_t> operandStrides(const Shape& in, const Shape& out) {
    std::vector<int64_t> s(out.size(), 0);
    size_t lead = out.size() - in.size();
    int64_t step = 1;
    for (size_t i = in.size(); i-- > 0;) {
      s[lead + i] = in[i] == 1 ? 0 : step;
      step *= in[i];
    }
    return s;
  }
};

// o[k] = f(a[k * sa], b[k * sb]) for k < n, with the common stride patterns as separate loops.
template <class T, class O, class F>
inline void innerLoop(const T* __restrict a, int64_t sa, const T* __restrict b, int64_t sb, O* __restrict o,
                      int64_t n, F f) {
  if (sa == 1 && sb == 1) {
    for (int64_t k = 0; k < n; ++k) o[k] = f(a[k], b[k]);
  } else if (sa == 1 && sb == 0) {
    const T y = *b;
    for (int64_t k = 0; k < n; ++k) o[k] = f(a[k], y);
  } else if (sa == 0 && sb == 1) {
    const T x = *a;
    for (int64_t k = 0; k < n; ++k) o[k] = f(x, b[k]);
  } else {
    for (int64_t k = 0; k < n; ++k) o[k] = f(a[k * sa], b[k * sb]);
  }
}

// out[i] = f(a[ia], b[ib]) over the broadcast shape os; costPerItem as for parallelFor.
template <class T, class O, class F>
void binaryLoop(const T* a, const Shape& as, const T* b, const Shape& bs, O* out, const Shape& os, F f,
                double costPerItem = 1) {
  int64_t n = sizeFromShape(os);
  if (n == 0) return;
  const BroadcastLayout L(as, bs, os);
  const size_t outer = L.dims.size() - 1;
  const int64_t inner = L.dims[outer], sa = L.aStrides[outer], sb = L.bStrides[outer];
  parallelFor(n, costPerItem, [&](int64_t begin, int64_t end) {
    // Start at element `begin`: its index over the outer dims and its column.
    std::vector<int64_t> idx(outer, 0);
    int64_t row = begin / inner, col = begin % inner, offA = 0, offB = 0;
    for (size_t d = outer; d-- > 0;) {
      idx[d] = row % L.dims[d];
      row /= L.dims[d];
      offA += idx[d] * L.aStrides[d];
      offB += idx[d] * L.bStrides[d];
    }
    for (int64_t i = begin; i < end;) {
      int64_t len = std::min(inner - col, end - i);
      innerLoop(a + offA + col * sa, sa, b + offB + col * sb, sb, out + i, len, f);
      i += len;
      col = 0;
      for (size_t d = outer; d-- > 0;) {  // next row
        if (++idx[d] < L.dims[d]) {
          offA += L.aStrides[d];
          offB += L.bStrides[d];
          break;
        }
        offA -= L.aStrides[d] * (L.dims[d] - 1);
        offB -= L.bStrides[d] * (L.dims[d] - 1);
        idx[d] = 0;
      }
    }
  });
}

}  // namespace cpu
}  // namespace edgeflow
