// tf.reshape (one -1 inferred), flatten, reshapeAs. Shares the data; the gradient reshapes dy back.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"

namespace edgeflow {

Tensor reshape(const Tensor& x, Shape shape) {
  int64_t known = 1, inferAt = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (inferAt >= 0) throw Error("reshape: shapes can only have 1 implicit size, got " + shapeToString(shape));
      inferAt = static_cast<int64_t>(i);
    } else if (shape[i] < 0) {
      throw Error("reshape: dimension " + std::to_string(i) + " of " + shapeToString(shape) + " is negative");
    } else {
      known *= shape[i];
    }
  }
  if (inferAt >= 0) {
    if (known == 0 || x.size() % known != 0)
      throw Error("reshape: the implicit shape can't be a fractional number. Got " + std::to_string(x.size()) +
                  " / " + std::to_string(known));
    shape[static_cast<size_t>(inferAt)] = x.size() / known;
  }
  if (sizeFromShape(shape) != x.size())
    throw Error("reshape: size(" + shapeToString(shape) + ") must match the size of x.shape " +
                shapeToString(x.shape()) + " (" + std::to_string(x.size()) + " elements)");
  return runKernel1("Reshape", {x}, Attrs{{"shape", shape}});
}

Tensor flatten(const Tensor& x) { return reshape(x, {-1}); }
Tensor Tensor::reshape(Shape shape) const { return edgeflow::reshape(*this, std::move(shape)); }
Tensor Tensor::reshapeAs(const Tensor& other) const { return edgeflow::reshape(*this, other.shape()); }
Tensor Tensor::flatten() const { return edgeflow::flatten(*this); }

EF_REGISTER_KERNEL("Reshape", "ref", [](const KernelContext& c) {
  return std::vector<Tensor>{makeTensorSharingData(c.inputs[0], c.attrs.getInts("shape"))};
});
EF_REGISTER_GRADIENT("Reshape", [](const GradContext& g) {
  return std::vector<Tensor>{reshape(g.dys[0], g.inputs[0].shape())};
});

}  // namespace edgeflow
