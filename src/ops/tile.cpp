// tf.tile (kernel Tile): repeats x reps[d] times along each dimension.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"

namespace edgeflow {

Tensor tile(const Tensor& x, std::vector<int64_t> reps) {
  if (static_cast<int64_t>(reps.size()) != x.rank())
    throw Error("tile: rank of x " + shapeToString(x.shape()) + " must match length of reps " + shapeToString(reps));
  for (int64_t r : reps)
    if (r < 0) throw Error("tile: reps " + shapeToString(reps) + " must be non-negative");
  return runKernel1("Tile", {x}, Attrs{{"reps", reps}});
}
Tensor Tensor::tile(std::vector<int64_t> reps) const { return edgeflow::tile(*this, std::move(reps)); }

// Every copy of x sends its part of dy back: view dy as [reps0, x0, reps1, x1, ...] and sum the
// reps axes (TF.js adds the slices one by one, for ranks up to 4; this is the same sum).
EF_REGISTER_GRADIENT("Tile", [](const GradContext& g) {
  const Shape& xs = g.inputs[0].shape();
  const auto& reps = g.attrs.getInts("reps");
  Shape split;
  std::vector<int64_t> axes;
  for (size_t d = 0; d < xs.size(); ++d) {
    axes.push_back(static_cast<int64_t>(split.size()));
    split.push_back(reps[d]);
    split.push_back(xs[d]);
  }
  if (axes.empty()) return std::vector<Tensor>{g.dys[0]};
  return std::vector<Tensor>{reshape(sum(reshape(g.dys[0], split), Axes(axes)), xs)};
});

}  // namespace edgeflow
