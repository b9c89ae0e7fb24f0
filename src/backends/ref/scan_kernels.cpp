// Reference kernels of the scans: Cumsum and Cumprod (exclusive, reverse).
// Each step rounds to the output dtype, as TF.js's cpu backend stores into a typed array.
#include <type_traits>

#include "backends/ref/reduce.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

template <bool IsSum>
std::vector<Tensor> scanKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  int64_t axis = c.attrs.getInt("axis");
  bool exclusive = c.attrs.getBool("exclusive"), reverse = c.attrs.getBool("reverse");
  DType outType = x.dtype() == DType::float32 ? DType::float32 : DType::int32;
  Tensor out = makeTensor(x.shape(), outType);
  AxisSplit s(x.shape(), axis);
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    using O = std::conditional_t<std::is_floating_point_v<T>, float, int32_t>;
    // int32 arithmetic wraps modulo 2^32, like JS's store into an Int32Array.
    auto combine = [](O a, O b) -> O {
      if constexpr (std::is_floating_point_v<O>) return IsSum ? a + b : a * b;
      else {
        auto ua = static_cast<uint32_t>(a), ub = static_cast<uint32_t>(b);
        return static_cast<O>(IsSum ? ua + ub : ua * ub);
      }
    };
    const O identity = IsSum ? O(0) : O(1);
    const T* p = x.dataPtr<T>();
    O* o = out.mutableData<O>();
    for (int64_t a = 0; a < s.outer; ++a) {
      for (int64_t b = 0; b < s.inner; ++b) {
        O acc = identity;
        for (int64_t j = 0; j < s.n; ++j) {
          int64_t k = reverse ? s.n - 1 - j : j;
          int64_t idx = s.index(a, k, b);
          O v = static_cast<O>(p[idx]);
          if (exclusive) {
            o[idx] = acc;
            acc = combine(acc, v);
          } else {
            acc = j == 0 ? v : combine(acc, v);  // x[0] itself (keeps -0), as TF.js
            o[idx] = acc;
          }
        }
      }
    }
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Cumsum", "ref", scanKernel<true>);
EF_REGISTER_KERNEL("Cumprod", "ref", scanKernel<false>);

}  // namespace edgeflow::ref
