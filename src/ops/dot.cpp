// tf.dot: matrix/vector products of rank-1 and rank-2 tensors, via matMul (as TF.js).
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"

namespace edgeflow {

Tensor dot(const Tensor& a, const Tensor& b) {
  auto shapes = [&] { return "t1 " + shapeToString(a.shape()) + " vs t2 " + shapeToString(b.shape()); };
  if (a.rank() < 1 || a.rank() > 2 || b.rank() < 1 || b.rank() > 2)
    throw Error("dot: inputs must be rank 1 or 2, got " + shapes());
  int64_t innerA = a.rank() == 1 ? a.size() : a.shape()[1];
  int64_t innerB = b.rank() == 1 ? b.size() : b.shape()[0];
  if (innerA != innerB) throw Error("dot: inner dimensions must match: " + shapes());
  Tensor a2 = a.rank() == 1 ? reshape(a, {1, a.size()}) : a;
  Tensor b2 = b.rank() == 1 ? reshape(b, {b.size(), 1}) : b;
  Tensor r = matMul(a2, b2);
  if (a.rank() == 1 && b.rank() == 1) return reshape(r, {});
  if (a.rank() == 1 || b.rank() == 1) return reshape(r, {r.size()});
  return r;
}
Tensor Tensor::dot(const Tensor& b) const { return edgeflow::dot(*this, b); }

}  // namespace edgeflow
