// tf.transpose (kernel Transpose); the default permutation reverses the dimensions.
#include <algorithm>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/matrix.h"

namespace edgeflow {

Tensor transpose(const Tensor& x, std::vector<int64_t> perm) {
  const int64_t rank = x.rank();
  if (perm.empty() && rank > 0)
    for (int64_t d = rank; d-- > 0;) perm.push_back(d);
  if (static_cast<int64_t>(perm.size()) != rank)
    throw Error("transpose: rank of x " + shapeToString(x.shape()) + " must match length of perm " + shapeToString(perm));
  std::vector<char> seen(static_cast<size_t>(rank), 0);
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[static_cast<size_t>(p)]++)
      throw Error("transpose: perm " + shapeToString(perm) + " must be a permutation of [0, " +
                  std::to_string(rank) + ") for x " + shapeToString(x.shape()));
  }
  if (rank <= 1) return clone(x);
  return runKernel1("Transpose", {x}, Attrs{{"perm", perm}});
}
Tensor Tensor::transpose(std::vector<int64_t> perm) const { return edgeflow::transpose(*this, std::move(perm)); }

EF_REGISTER_GRADIENT("Transpose", [](const GradContext& g) {
  const auto& perm = g.attrs.getInts("perm");
  std::vector<int64_t> undo(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) undo[static_cast<size_t>(perm[i])] = static_cast<int64_t>(i);
  return std::vector<Tensor>{transpose(g.dys[0], undo)};
});

}  // namespace edgeflow
