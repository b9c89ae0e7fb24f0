// tf.neg (kernel Neg).
#include "backends/ref/unary.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {

Tensor neg(const Tensor& x) { return runKernel1("Neg", {x}); }
Tensor Tensor::neg() const { return edgeflow::neg(*this); }

EF_REGISTER_KERNEL("Neg", "ref", ref::sameTypeUnaryKernel([](auto v) { return -v; }));
EF_REGISTER_GRADIENT("Neg", [](const GradContext& g) { return std::vector<Tensor>{neg(g.dys[0])}; });

}  // namespace edgeflow
