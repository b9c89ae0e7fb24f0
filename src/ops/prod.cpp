// tf.prod (kernel Prod). bool is cast to int32; int products stay int32.
#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {

Tensor prod(const Tensor& x, Axes axis, bool keepDims) {
  auto axes = reductionAxes(axis, x.rank(), "prod");
  Tensor in = x.dtype() == DType::bool_ || x.dtype() == DType::uint8 ? cast(x, DType::int32) : x;
  return runKernel1("Prod", {in}, Attrs{{"axis", axes}, {"keepDims", keepDims}});
}
Tensor Tensor::prod(Axes axis, bool keepDims) const { return edgeflow::prod(*this, std::move(axis), keepDims); }

// d prod / d x_i is the product of the other elements of x_i's group, formed without division
// (so zeros work, as in TF.js) from exclusive cumprods in both directions. Over several axes it
// is the product of that term along each axis, taken on x already reduced over the later axes.
EF_REGISTER_GRADIENT("Prod", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const auto& axes = g.attrs.getInts("axis");
  Tensor dy = reshape(g.dys[0], keepDimsShape(x.shape(), axes));
  Tensor others = onesLike(x), partial = x;
  for (size_t k = axes.size(); k-- > 0;) {
    int64_t a = axes[k];
    others = mul(others, mul(cumprod(partial, a, true, false), cumprod(partial, a, true, true)));
    if (k > 0) partial = prod(partial, Axes(a), true);
  }
  return std::vector<Tensor>{mul(dy, others)};
});

}  // namespace edgeflow
