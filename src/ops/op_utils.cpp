#include "ops/op_utils.h"

#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {

std::pair<Tensor, Tensor> makeTypesMatch(const Tensor& a, const Tensor& b) {
  DType t = upcastType(a.dtype(), b.dtype());
  return {a.dtype() == t ? a : cast(a, t), b.dtype() == t ? b : cast(b, t)};
}

void assertDType(const Tensor& x, std::initializer_list<DType> allowed, const char* op, const char* arg) {
  for (DType d : allowed)
    if (x.dtype() == d) return;
  std::string names;
  for (DType d : allowed) names += (names.empty() ? "" : " or ") + std::string(dtypeName(d));
  throw Error(std::string(op) + ": argument '" + arg + "' must be " + names + ", got " + dtypeName(x.dtype()));
}

int64_t normalizeAxis(int64_t axis, int rank, const char* op) {
  if (axis < -rank || axis >= (rank == 0 ? 1 : rank))
    throw Error(std::string(op) + ": axis " + std::to_string(axis) + " is out of range for a tensor of rank " +
                std::to_string(rank));
  return axis < 0 ? axis + rank : axis;
}

Tensor reduceGradToShape(const Tensor& dy, const Shape& shape) {
  if (dy.shape() == shape) return dy;
  const Shape& ds = dy.shape();
  std::vector<int64_t> axes;
  size_t lead = ds.size() - shape.size();
  for (size_t i = 0; i < ds.size(); ++i) {
    if (i < lead || (shape[i - lead] == 1 && ds[i] != 1)) axes.push_back(static_cast<int64_t>(i));
  }
  Tensor r = axes.empty() ? dy : sum(dy, Axes(axes));
  return reshape(r, shape);
}

Tensor toFloat(const Tensor& x) { return x.dtype() == DType::float32 ? x : cast(x, DType::float32); }

}  // namespace edgeflow
