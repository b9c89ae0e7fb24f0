// tf.mirrorPad (kernel MirrorPad): "reflect" mirrors about the edge element, "symmetric" repeats it.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "ops/slice_util.h"

namespace edgeflow {

Tensor mirrorPad(const Tensor& x, const Paddings& paddings, const std::string& mode) {
  if (mode != "reflect" && mode != "symmetric")
    throw Error("mirrorPad: invalid mode; mode must be either reflect or symmetric, got '" + mode + "'");
  if (x.rank() == 0) throw Error("mirrorPad: mirrorPad(scalar) is not defined; pass a non-scalar to mirrorPad");
  if (static_cast<int64_t>(paddings.size()) != x.rank())
    throw Error("mirrorPad: paddings must have one [before, after] pair per dimension of x " +
                shapeToString(x.shape()) + ", got " + std::to_string(paddings.size()));
  const int64_t offset = mode == "reflect" ? 1 : 0;
  for (size_t i = 0; i < paddings.size(); ++i) {
    auto [before, after] = paddings[i];
    const int64_t limit = x.shape()[i] - offset;
    if (before < 0 || before > limit || after < 0 || after > limit)
      throw Error("mirrorPad: padding [" + std::to_string(before) + ", " + std::to_string(after) + "] in dimension " +
                  std::to_string(i) + " must be in [0, " + std::to_string(limit) + "] for x " +
                  shapeToString(x.shape()) + " in " + mode + " mode");
  }
  return runKernel1("MirrorPad", {x}, Attrs{{"paddings", flattenPairs(paddings)}, {"mode", mode}});
}

// As TF.js: the gradient slices x's part out of dy; the mirrored copies send nothing back (so it
// is not the derivative where padding reflects values).
EF_REGISTER_GRADIENT("MirrorPad", [](const GradContext& g) {
  std::vector<int64_t> begin;
  for (auto& [before, after] : pairsOf(g.attrs.getInts("paddings"))) begin.push_back(before);
  return std::vector<Tensor>{slice(g.dys[0], begin, g.inputs[0].shape())};
});

}  // namespace edgeflow
