// tf.concat (kernel Concat). Inputs take the first tensor's dtype, as TF.js's kernel writes them
// into an array of that dtype; one tensor is returned as a clone.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor concat(const std::vector<Tensor>& tensors, int64_t axis) {
  if (tensors.empty()) throw Error("concat: pass at least one tensor to concat");
  if (tensors.size() == 1) return clone(tensors[0]);
  const Shape& first = tensors[0].shape();
  const int rank = static_cast<int>(first.size());
  if (rank == 0) throw Error("concat: tensors must have rank >= 1, got scalars");
  const int64_t ax = normalizeAxis(axis, rank, "concat");
  std::vector<Tensor> ins;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Shape& s = tensors[i].shape();
    if (static_cast<int>(s.size()) != rank)
      throw Error("concat: rank of tensors[" + std::to_string(i) + "] " + shapeToString(s) +
                  " must be the same as the rank of the rest " + shapeToString(first));
    for (int d = 0; d < rank; ++d)
      if (d != ax && s[static_cast<size_t>(d)] != first[static_cast<size_t>(d)])
        throw Error("concat: shape of tensors[" + std::to_string(i) + "] " + shapeToString(s) +
                    " does not match the shape of the rest " + shapeToString(first) + " along the non-concatenated axis " +
                    std::to_string(d));
    ins.push_back(tensors[i].dtype() == tensors[0].dtype() ? tensors[i] : cast(tensors[i], tensors[0].dtype()));
  }
  return runKernel1("Concat", ins, Attrs{{"axis", ax}});
}
Tensor Tensor::concat(const Tensor& other, int64_t axis) const { return edgeflow::concat({*this, other}, axis); }

EF_REGISTER_GRADIENT("Concat", [](const GradContext& g) {
  const int64_t axis = g.attrs.getInt("axis");
  std::vector<int64_t> sizes;
  for (auto& t : g.inputs) sizes.push_back(t.shape()[static_cast<size_t>(axis)]);
  return split(g.dys[0], sizes, axis);
});

}  // namespace edgeflow
