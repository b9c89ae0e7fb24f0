// tf.sum (kernel Sum). bool and int sum to int32, float to float32.
#include "backends/ref/reduce.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

std::vector<int64_t> parseAxes(const Axes& axes, int rank, const char* op) {
  std::vector<int64_t> out;
  if (axes.all) {
    for (int i = 0; i < rank; ++i) out.push_back(i);
    return out;
  }
  for (int64_t a : axes.axes) {
    int64_t n = normalizeAxis(a, rank, op);
    if (std::find(out.begin(), out.end(), n) != out.end())
      throw Error(std::string(op) + ": axis " + std::to_string(a) + " is repeated");
    out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Shape keepDimsShape(const Shape& shape, const std::vector<int64_t>& axes) {
  Shape s = shape;
  for (int64_t a : axes) s[static_cast<size_t>(a)] = 1;
  return s;
}

static Shape reducedShape(const Shape& shape, const std::vector<int64_t>& axes, bool keepDims) {
  if (keepDims) return keepDimsShape(shape, axes);
  Shape s;
  for (size_t i = 0; i < shape.size(); ++i)
    if (std::find(axes.begin(), axes.end(), static_cast<int64_t>(i)) == axes.end()) s.push_back(shape[i]);
  return s;
}

Tensor sum(const Tensor& x, Axes axis, bool keepDims) {
  auto axes = reductionAxes(axis, x.rank(), "sum");
  Tensor in = x.dtype() == DType::bool_ || x.dtype() == DType::uint8 ? cast(x, DType::int32) : x;
  return runKernel1("Sum", {in}, Attrs{{"axis", axes}, {"keepDims", keepDims}});
}
Tensor Tensor::sum(Axes axis, bool keepDims) const { return edgeflow::sum(*this, std::move(axis), keepDims); }

EF_REGISTER_KERNEL("Sum", "ref", [](const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& axes = c.attrs.getInts("axis");
  Tensor out = makeTensor(reducedShape(x.shape(), axes, c.attrs.getBool("keepDims")), x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    using Acc = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;
    std::vector<Acc> acc(static_cast<size_t>(out.size()), 0);
    const T* p = x.dataPtr<T>();
    ref::forEachReduced(x.shape(), axes, [&](int64_t o, int64_t i) { acc[static_cast<size_t>(o)] += p[i]; });
    T* o = out.mutableData<T>();
    for (int64_t i = 0; i < out.size(); ++i) o[i] = static_cast<T>(acc[static_cast<size_t>(i)]);
  });
  return std::vector<Tensor>{out};
});

EF_REGISTER_GRADIENT("Sum", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  Tensor dy = reshape(g.dys[0], keepDimsShape(x.shape(), g.attrs.getInts("axis")));
  return std::vector<Tensor>{mul(dy, ones(x.shape()))};
});

}  // namespace edgeflow
