// Generic reduction loop and shape helpers for reduction kernels and ops. Internal.
#pragma once
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/types.h"
#include "ops/op_utils.h"

namespace edgeflow {

// parseAxes plus TF.js's rule that a scalar takes no explicit axis (its valid range is empty).
inline std::vector<int64_t> reductionAxes(const Axes& axis, int rank, const char* op) {
  if (rank == 0 && !axis.all && !axis.axes.empty())
    throw Error(std::string(op) + ": axis " + std::to_string(axis.axes[0]) +
                " is out of range for a tensor of rank 0");
  return parseAxes(axis, rank, op);
}

// The axis of a scan (cumsum, cumprod). TF.js neither checks it nor handles negative axes (it
// returns garbage); here they are errors or count from the end.
inline int64_t scanAxis(const Tensor& x, int64_t axis, const char* op) {
  if (x.rank() == 0) throw Error(std::string(op) + ": x must have rank >= 1, got shape []");
  return normalizeAxis(axis, x.rank(), op);
}

}  // namespace edgeflow

namespace edgeflow::ref {

// For each input element calls visit(outIndex, inIndex), where outIndex is its position in the
// reduced (keepDims) output. Elements are visited in row-major order.
template <class V>
void forEachReduced(const Shape& in, const std::vector<int64_t>& axes, V visit) {
  size_t r = in.size();
  std::vector<char> reduced(r, 0);
  for (int64_t a : axes) reduced[static_cast<size_t>(a)] = 1;
  std::vector<int64_t> outStrides(r, 0);
  int64_t s = 1;
  for (size_t i = r; i-- > 0;) {
    if (!reduced[i]) {
      outStrides[i] = s;
      s *= in[i];
    }
  }
  int64_t n = sizeFromShape(in);
  std::vector<int64_t> idx(r, 0);
  int64_t outIdx = 0;
  for (int64_t i = 0; i < n; ++i) {
    visit(outIdx, i);
    for (size_t d = r; d-- > 0;) {
      if (++idx[d] < in[d]) {
        outIdx += outStrides[d];
        break;
      }
      outIdx -= outStrides[d] * (in[d] - 1);
      idx[d] = 0;
    }
  }
}

// The output shape of reducing `axes` (sorted, normalised) of `shape`.
inline Shape reducedOutShape(const Shape& shape, const std::vector<int64_t>& axes, bool keepDims) {
  Shape s;
  for (size_t i = 0; i < shape.size(); ++i) {
    bool reduced = std::find(axes.begin(), axes.end(), static_cast<int64_t>(i)) != axes.end();
    if (!reduced) s.push_back(shape[i]);
    else if (keepDims) s.push_back(1);
  }
  return s;
}

// Number of input elements that reduce into each output element.
inline int64_t reduceSizeOf(const Shape& shape, const std::vector<int64_t>& axes) {
  int64_t n = 1;
  for (int64_t a : axes) n *= shape[static_cast<size_t>(a)];
  return n;
}

// A single axis viewed as [outer, n, inner] (row-major), for scans and arg reductions.
struct AxisSplit {
  int64_t outer = 1, n = 1, inner = 1;
  AxisSplit(const Shape& shape, int64_t axis) {
    for (size_t i = 0; i < shape.size(); ++i) {
      auto ii = static_cast<int64_t>(i);
      if (ii < axis) outer *= shape[i];
      else if (ii == axis) n = shape[i];
      else inner *= shape[i];
    }
  }
  int64_t index(int64_t o, int64_t k, int64_t in) const { return (o * n + k) * inner + in; }
};

// When the sorted axes are one contiguous block, the reduction is out[o, i] = f(x[o, 0..r, i]).
struct ContiguousReduce {
  bool ok = false;
  int64_t outer = 1, r = 1, inner = 1;
  ContiguousReduce(const Shape& shape, const std::vector<int64_t>& axes) {
    if (axes.empty()) {
      ok = true;
      outer = sizeFromShape(shape);
      return;
    }
    for (size_t k = 1; k < axes.size(); ++k)
      if (axes[k] != axes[k - 1] + 1) return;
    ok = true;
    for (size_t i = 0; i < shape.size(); ++i) {
      auto ii = static_cast<int64_t>(i);
      if (ii < axes.front()) outer *= shape[i];
      else if (ii <= axes.back()) r *= shape[i];
      else inner *= shape[i];
    }
  }
};

// Generic reductions over any axes, used by the ref kernels and as the cpu kernels' fallback.

// Sum (kernel Sum): x's dtype, accumulated in double (int64 for ints) as TF.js's JS numbers.
inline Tensor sumReduce(const Tensor& x, const std::vector<int64_t>& axes, bool keepDims) {
  Tensor out = makeTensor(reducedOutShape(x.shape(), axes, keepDims), x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    using Acc = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;
    std::vector<Acc> acc(static_cast<size_t>(out.size()), 0);
    const T* p = x.dataPtr<T>();
    forEachReduced(x.shape(), axes, [&](int64_t o, int64_t i) { acc[static_cast<size_t>(o)] += p[i]; });
    T* o = out.mutableData<T>();
    for (int64_t i = 0; i < out.size(); ++i) o[i] = static_cast<T>(acc[static_cast<size_t>(i)]);
  });
  return out;
}

// Mean (kernel Mean): float32. TF.js divides each element by the count in float32, then sums
// in double; an empty group gives 0.
inline Tensor meanReduce(const Tensor& x, const std::vector<int64_t>& axes, bool keepDims) {
  Tensor out = makeTensor(reducedOutShape(x.shape(), axes, keepDims), DType::float32);
  auto n = static_cast<float>(reduceSizeOf(x.shape(), axes));
  std::vector<double> acc(static_cast<size_t>(out.size()), 0.0);
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    forEachReduced(x.shape(), axes, [&](int64_t o, int64_t i) {
      acc[static_cast<size_t>(o)] += static_cast<float>(p[i]) / n;
    });
  });
  float* o = out.mutableData<float>();
  for (int64_t i = 0; i < out.size(); ++i) o[i] = static_cast<float>(acc[static_cast<size_t>(i)]);
  return out;
}

// Max / Min (kernels Max, Min): x's dtype. As TF.js: start from the first element, take NaN or a
// better value; an empty group gives NaN for float32 and 0 otherwise.
template <bool IsMax>
Tensor extremumReduce(const Tensor& x, const std::vector<int64_t>& axes, bool keepDims) {
  Tensor out = makeTensor(reducedOutShape(x.shape(), axes, keepDims), x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* o = out.mutableData<T>();
    std::vector<char> seen(static_cast<size_t>(out.size()), 0);
    forEachReduced(x.shape(), axes, [&](int64_t oi, int64_t i) {
      T v = p[i];
      auto& s = seen[static_cast<size_t>(oi)];
      if (!s) {
        o[oi] = v;
        s = 1;
        return;
      }
      bool better = IsMax ? v > o[oi] : v < o[oi];
      if constexpr (std::is_floating_point_v<T>) better = better || std::isnan(v);
      if (better) o[oi] = v;
    });
    for (int64_t i = 0; i < out.size(); ++i)
      if (!seen[static_cast<size_t>(i)])
        o[i] = std::is_floating_point_v<T> ? static_cast<T>(std::numeric_limits<float>::quiet_NaN()) : T(0);
  });
  return out;
}

}  // namespace edgeflow::ref
