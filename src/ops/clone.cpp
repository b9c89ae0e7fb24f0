// tf.clone: a new tensor sharing the data (kernel Identity; gradient passes dy through).
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"

namespace edgeflow {

Tensor clone(const Tensor& x) { return runKernel1("Identity", {x}); }
Tensor Tensor::clone() const { return edgeflow::clone(*this); }

EF_REGISTER_KERNEL("Identity", "ref", [](const KernelContext& c) {
  return std::vector<Tensor>{makeTensorSharingData(c.inputs[0], c.inputs[0].shape())};
});
EF_REGISTER_GRADIENT("Identity", [](const GradContext& g) { return std::vector<Tensor>{g.dys[0]}; });

}  // namespace edgeflow
