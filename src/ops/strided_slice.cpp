// tf.stridedSlice (kernel StridedSlice) with begin/end/ellipsis/newAxis/shrinkAxis masks. The
// spec is resolved as TensorFlow does (ops/slice_util.cpp). TF.js has no gradient for it; ours
// scatters dy back to the positions the slice read.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/slice_util.h"

namespace edgeflow {
namespace {

Attrs sliceAttrs(const StridedSliceArgs& a) {
  return Attrs{{"begin", a.begin},         {"end", a.end},
               {"strides", a.strides},     {"beginMask", a.beginMask},
               {"endMask", a.endMask},     {"ellipsisMask", a.ellipsisMask},
               {"newAxisMask", a.newAxisMask}, {"shrinkAxisMask", a.shrinkAxisMask}};
}

}  // namespace

Tensor stridedSlice(const Tensor& x, std::vector<int64_t> begin, std::vector<int64_t> end,
                    std::vector<int64_t> strides, int beginMask, int endMask, int ellipsisMask, int newAxisMask,
                    int shrinkAxisMask) {
  if (strides.empty()) strides.assign(begin.size(), 1);
  StridedSliceArgs args{std::move(begin), std::move(end), std::move(strides), beginMask, endMask,
                        ellipsisMask,     newAxisMask,    shrinkAxisMask};
  resolveStridedSlice(x.shape(), args);  // validates, naming the op
  return runKernel1("StridedSlice", {x}, sliceAttrs(args));
}

// The flat positions the slice read (the same slice of an iota) receive dy; nothing else does.
EF_REGISTER_GRADIENT("StridedSlice", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  std::vector<int32_t> iota(static_cast<size_t>(x.size()));
  for (size_t i = 0; i < iota.size(); ++i) iota[i] = static_cast<int32_t>(i);
  Tensor positions = runKernel1("StridedSlice", {tensor(iota, x.shape())}, g.attrs);
  Tensor dx = scatterND(reshape(positions, {-1, 1}), reshape(g.dys[0], {-1}), {x.size()});
  return std::vector<Tensor>{reshape(dx, x.shape())};
});

}  // namespace edgeflow
