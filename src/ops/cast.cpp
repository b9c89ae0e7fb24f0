// tf.cast. float -> int truncates toward zero; anything -> bool is x != 0 (TF.js semantics).
#include <cmath>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {

Tensor cast(const Tensor& x, DType dtype) {
  if (x.dtype() == dtype) return edgeflow::clone(x);
  return runKernel1("Cast", {x}, Attrs{{"dtype", dtype}});
}
Tensor Tensor::cast(DType dtype) const { return edgeflow::cast(*this, dtype); }

EF_REGISTER_KERNEL("Cast", "ref", [](const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  DType to = c.attrs.getDType("dtype");
  Tensor out = makeTensor(x.shape(), to);
  dispatchDType(x.dtype(), [&](auto zin) {
    using In = decltype(zin);
    const In* src = x.dataPtr<In>();
    dispatchDType(to, [&](auto zout) {
      using Out = decltype(zout);
      Out* dst = out.mutableData<Out>();
      for (int64_t i = 0; i < x.size(); ++i) {
        double v = static_cast<double>(src[i]);
        if (to == DType::bool_) {
          dst[i] = v != 0;
        } else if constexpr (std::is_integral_v<Out>) {
          dst[i] = std::isfinite(v) ? static_cast<Out>(static_cast<int64_t>(v)) : Out(0);
        } else {
          dst[i] = static_cast<Out>(v);
        }
      }
    });
  });
  return std::vector<Tensor>{out};
});
EF_REGISTER_GRADIENT("Cast", [](const GradContext& g) { return std::vector<Tensor>{edgeflow::clone(g.dys[0])}; });

}  // namespace edgeflow
