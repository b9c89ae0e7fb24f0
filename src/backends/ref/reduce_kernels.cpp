// Reference kernels of the reductions: Mean, Max, Min (in reduce.h, shared with the cpu
// backend's fallbacks), Prod, All, Any, ArgMax, ArgMin. Numerics follow TF.js's cpu backend:
// products accumulate in double, and an empty reduction gives what TF.js's typed arrays give
// (false for All/Any).
#include <cmath>
#include <limits>
#include <type_traits>

#include "backends/ref/reduce.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

Tensor makeReduced(const KernelContext& c, const char* axisAttr, DType dtype) {
  const Tensor& x = c.inputs[0];
  return makeTensor(reducedOutShape(x.shape(), c.attrs.getInts(axisAttr), c.attrs.getBool("keepDims")), dtype);
}

std::vector<Tensor> prodKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& axes = c.attrs.getInts("axis");
  DType outType = x.dtype() == DType::float32 ? DType::float32 : DType::int32;
  Tensor out = makeReduced(c, "axis", outType);
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    if constexpr (std::is_floating_point_v<T>) {
      std::vector<double> acc(static_cast<size_t>(out.size()), 1.0);
      forEachReduced(x.shape(), axes, [&](int64_t o, int64_t i) { acc[static_cast<size_t>(o)] *= p[i]; });
      float* o = out.mutableData<float>();
      for (int64_t i = 0; i < out.size(); ++i) o[i] = static_cast<float>(acc[static_cast<size_t>(i)]);
    } else {
      // Wraps modulo 2^32 like TF.js's store into an Int32Array.
      std::vector<uint64_t> acc(static_cast<size_t>(out.size()), 1);
      forEachReduced(x.shape(), axes, [&](int64_t o, int64_t i) {
        acc[static_cast<size_t>(o)] *= static_cast<uint64_t>(static_cast<int64_t>(p[i]));
      });
      int32_t* o = out.mutableData<int32_t>();
      for (int64_t i = 0; i < out.size(); ++i) o[i] = static_cast<int32_t>(static_cast<uint32_t>(acc[static_cast<size_t>(i)]));
    }
  });
  return {out};
}

template <bool IsAll>
std::vector<Tensor> logicalReduceKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& axes = c.attrs.getInts("axis");
  Tensor out = makeReduced(c, "axis", DType::bool_);
  const uint8_t* p = x.dataPtr<uint8_t>();
  uint8_t* o = out.mutableData<uint8_t>();
  // An empty reduction is false for both, as in TF.js (its result starts from x[offset], undefined).
  std::vector<char> seen(static_cast<size_t>(out.size()), 0);
  for (int64_t i = 0; i < out.size(); ++i) o[i] = 0;
  forEachReduced(x.shape(), axes, [&](int64_t oi, int64_t i) {
    bool v = p[i] != 0;
    auto& s = seen[static_cast<size_t>(oi)];
    o[oi] = !s ? v : IsAll ? (o[oi] && v) : (o[oi] || v);
    s = 1;
  });
  return {out};
}

// The first index of the max (min) along one axis; NaN is skipped unless it comes first, as in TF.js.
template <bool IsMax>
std::vector<Tensor> argKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  int64_t axis = c.attrs.getInt("axis");
  AxisSplit s(x.shape(), axis);
  Tensor out = makeTensor(reducedOutShape(x.shape(), {axis}, false), DType::int32);
  int32_t* o = out.mutableData<int32_t>();
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    for (int64_t a = 0; a < s.outer; ++a) {
      for (int64_t b = 0; b < s.inner; ++b) {
        int32_t best = 0;
        for (int64_t k = 1; k < s.n; ++k) {
          T v = p[s.index(a, k, b)], cur = p[s.index(a, best, b)];
          if (IsMax ? v > cur : v < cur) best = static_cast<int32_t>(k);
        }
        o[a * s.inner + b] = best;
      }
    }
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Mean", "ref", [](const KernelContext& c) {
  return std::vector<Tensor>{meanReduce(c.inputs[0], c.attrs.getInts("axis"), c.attrs.getBool("keepDims"))};
});
EF_REGISTER_KERNEL("Max", "ref", [](const KernelContext& c) {
  return std::vector<Tensor>{
      extremumReduce<true>(c.inputs[0], c.attrs.getInts("reductionIndices"), c.attrs.getBool("keepDims"))};
});
EF_REGISTER_KERNEL("Min", "ref", [](const KernelContext& c) {
  return std::vector<Tensor>{extremumReduce<false>(c.inputs[0], c.attrs.getInts("axis"), c.attrs.getBool("keepDims"))};
});
EF_REGISTER_KERNEL("Prod", "ref", prodKernel);
EF_REGISTER_KERNEL("All", "ref", logicalReduceKernel<true>);
EF_REGISTER_KERNEL("Any", "ref", logicalReduceKernel<false>);
EF_REGISTER_KERNEL("ArgMax", "ref", argKernel<true>);
EF_REGISTER_KERNEL("ArgMin", "ref", argKernel<false>);

}  // namespace edgeflow::ref
