#include "ops/binary_op.h"

namespace edgeflow {

Shape broadcastShapes(const Shape& a, const Shape& b, const char* op) {
  size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (size_t i = 0; i < n; ++i) {
    int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1)
      throw Error(std::string(op) + ": operands could not be broadcast together with shapes " + shapeToString(a) +
                  " and " + shapeToString(b));
    out[i] = da == 1 ? db : da;
  }
  return out;
}

Tensor runBinary(const char* kernel, const char* op, const Tensor& a, const Tensor& b) {
  broadcastShapes(a.shape(), b.shape(), op);
  auto [x, y] = makeTypesMatch(a, b);
  return runKernel1(kernel, {x, y});
}

std::vector<Tensor> binaryGrads(const GradContext& g, const Tensor& da, const Tensor& db) {
  return {da.defined() ? reduceGradToShape(da, g.inputs[0].shape()) : Tensor(),
          db.defined() ? reduceGradToShape(db, g.inputs[1].shape()) : Tensor()};
}

}  // namespace edgeflow
