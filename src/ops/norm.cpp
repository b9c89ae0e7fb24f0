// tf.norm: vector norms (ord 1, 2 / "euclidean", Infinity, -Infinity) and matrix norms (1,
// Infinity, -Infinity, "fro" / "euclidean") over two axes. A composite that follows TF.js step
// by step, including its reading of two axes as [rows, columns] with axis[0] < axis[1].
#include <cmath>
#include <variant>

#include "backends/ref/reduce.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {
namespace {

using Ord = std::variant<std::string, double>;

bool is(const Ord& ord, double p) { return std::holds_alternative<double>(ord) && std::get<double>(ord) == p; }
bool is(const Ord& ord, const char* s) { return std::holds_alternative<std::string>(ord) && std::get<std::string>(ord) == s; }

std::string ordName(const Ord& ord) {
  if (std::holds_alternative<std::string>(ord)) return std::get<std::string>(ord);
  double p = std::get<double>(ord);
  if (std::isinf(p)) return p > 0 ? "Infinity" : "-Infinity";
  std::string s = std::to_string(p);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

Tensor sqrtOfSum(const Tensor& squares, const Axes& axis) {
  assertDType(squares, {DType::float32}, "norm", "x");  // TF.js's sqrt takes float32 only
  return sqrt(sum(squares, axis));
}

Tensor normImpl(const Tensor& x, const Ord& p, const Axes& axis) {
  if (x.rank() == 0) return abs(x);
  if (x.rank() != 1 && axis.all) return normImpl(reshape(x, {-1}), p, axis);
  const double Inf = INFINITY;
  if (x.rank() == 1 || axis.axes.size() == 1) {
    if (is(p, 1)) return sum(abs(x), axis);
    if (is(p, Inf)) return max(abs(x), axis);
    if (is(p, -Inf)) return min(abs(x), axis);
    if (is(p, "euclidean") || is(p, 2)) return sqrtOfSum(square(x), axis);
    throw Error("norm: invalid ord " + ordName(p) + " for a vector norm of x " + shapeToString(x.shape()));
  }
  if (axis.axes.size() == 2) {
    int64_t a0 = axis.axes[0], a1 = axis.axes[1];
    if (is(p, 1)) return max(sum(abs(x), Axes(a0)), Axes(a1 - 1));
    if (is(p, Inf)) return max(sum(abs(x), Axes(a1)), Axes(a0));
    if (is(p, -Inf)) return min(sum(abs(x), Axes(a1)), Axes(a0));
    if (is(p, "fro") || is(p, "euclidean")) return sqrtOfSum(square(x), axis);
    throw Error("norm: invalid ord " + ordName(p) + " for a matrix norm of x " + shapeToString(x.shape()));
  }
  throw Error("norm: invalid axis: " + std::to_string(axis.axes.size()) + " axes given for x of shape " +
              shapeToString(x.shape()) + " (a norm takes one or two)");
}

Tensor normOp(const Tensor& x, const Ord& ord, const Axes& axis, bool keepDims) {
  Tensor n = normImpl(x, ord, axis);
  if (!keepDims) return n;
  // TF.js's expandShapeToKeepDim: a 1 at each (normalised) axis, the norm's dimensions elsewhere.
  std::vector<int64_t> axes;
  if (axis.all) {
    for (int i = 0; i < x.rank(); ++i) axes.push_back(i);
  } else {
    for (int64_t a : axis.axes) axes.push_back(normalizeAxis(a, x.rank(), "norm"));
  }
  Shape shape;
  size_t inner = 0;
  for (int64_t d = 0; d < n.rank() + static_cast<int64_t>(axes.size()); ++d) {
    bool reduced = std::find(axes.begin(), axes.end(), d) != axes.end();
    if (!reduced && inner >= n.shape().size())
      throw Error("norm: axes repeat, cannot keep the dimensions of " + shapeToString(x.shape()));
    shape.push_back(reduced ? 1 : n.shape()[inner++]);
  }
  return reshape(n, shape);
}

}  // namespace

Tensor norm(const Tensor& x, const std::string& ord, Axes axis, bool keepDims) {
  return normOp(x, Ord(ord), axis, keepDims);
}
Tensor norm(const Tensor& x, double ord, Axes axis, bool keepDims) { return normOp(x, Ord(ord), axis, keepDims); }
Tensor Tensor::norm(const std::string& ord, Axes axis, bool keepDims) const {
  return edgeflow::norm(*this, ord, std::move(axis), keepDims);
}

}  // namespace edgeflow
