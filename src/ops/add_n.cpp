// tf.addN (kernel AddN): the element-wise sum of tensors of one shape and dtype.
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor addN(const std::vector<Tensor>& tensors) {
  if (tensors.empty()) throw Error("addN: must pass at least one tensor, got 0");
  const Tensor& first = tensors[0];
  for (size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].dtype() != first.dtype())
      throw Error("addN: all tensors must have the same dtype, but tensors[0] is " +
                  std::string(dtypeName(first.dtype())) + " and tensors[" + std::to_string(i) + "] is " +
                  dtypeName(tensors[i].dtype()));
    if (tensors[i].shape() != first.shape())
      throw Error("addN: all tensors must have the same shape, but tensors[0] is " + shapeToString(first.shape()) +
                  " and tensors[" + std::to_string(i) + "] is " + shapeToString(tensors[i].shape()));
  }
  return runKernel1("AddN", tensors);
}

EF_REGISTER_GRADIENT("AddN", [](const GradContext& g) {
  return std::vector<Tensor>(g.inputs.size(), g.dys[0]);
});

}  // namespace edgeflow
