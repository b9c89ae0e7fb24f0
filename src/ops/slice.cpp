// tf.slice (kernel Slice): begin padded with zeros, size with -1 (to the end).
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/slice_util.h"

namespace edgeflow {

Tensor slice(const Tensor& x, std::vector<int64_t> begin, std::vector<int64_t> size) {
  auto p = resolveSlice(x.shape(), std::move(begin), std::move(size));
  return runKernel1("Slice", {x}, Attrs{{"begin", p.begin}, {"size", p.size}});
}
Tensor Tensor::slice(std::vector<int64_t> begin, std::vector<int64_t> size) const {
  return edgeflow::slice(*this, std::move(begin), std::move(size));
}

// The slice is padded back to x's shape with zeros.
EF_REGISTER_GRADIENT("Slice", [](const GradContext& g) {
  const Shape& xs = g.inputs[0].shape();
  const auto& begin = g.attrs.getInts("begin");
  const auto& size = g.attrs.getInts("size");
  Paddings pads;
  for (size_t d = 0; d < xs.size(); ++d) pads.emplace_back(begin[d], xs[d] - begin[d] - size[d]);
  return std::vector<Tensor>{pad(g.dys[0], pads)};
});

}  // namespace edgeflow
