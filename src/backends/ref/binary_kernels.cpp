// Reference kernels of the element-wise binary ops. Inputs arrive with equal dtypes.
#include "backends/ref/broadcast.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"

namespace edgeflow::ref {
namespace {

// A kernel whose output has the inputs' dtype; bool computes as int32 (TF.js upcasts bool math).
template <class F>
KernelFunc sameTypeKernel(F f) {
  return [f](const KernelContext& c) {
    const Tensor& a = c.inputs[0];
    const Tensor& b = c.inputs[1];
    Shape os = broadcastShapes(a.shape(), b.shape(), "binary kernel");
    DType outType = a.dtype() == DType::bool_ ? DType::int32 : a.dtype();
    Tensor out = makeTensor(os, outType);
    dispatchDType(a.dtype(), [&](auto zero) {
      using T = decltype(zero);
      if (outType == DType::int32 && a.dtype() == DType::bool_) {
        binaryBroadcast(a.dataPtr<T>(), a.shape(), b.dataPtr<T>(), b.shape(), out.mutableData<int32_t>(), os,
                        [&](T x, T y) { return static_cast<int32_t>(f(int32_t(x), int32_t(y))); });
      } else {
        binaryBroadcast(a.dataPtr<T>(), a.shape(), b.dataPtr<T>(), b.shape(), out.mutableData<T>(), os,
                        [&](T x, T y) { return static_cast<T>(f(x, y)); });
      }
    });
    return std::vector<Tensor>{out};
  };
}

}  // namespace

EF_REGISTER_KERNEL("Add", "ref", sameTypeKernel([](auto x, auto y) { return x + y; }));
EF_REGISTER_KERNEL("Sub", "ref", sameTypeKernel([](auto x, auto y) { return x - y; }));
EF_REGISTER_KERNEL("Multiply", "ref", sameTypeKernel([](auto x, auto y) { return x * y; }));

}  // namespace edgeflow::ref
