// tf.matMul (kernel BatchMatMul, attrs transposeA/transposeB). Both inputs have rank >= 2 (TF.js
// rejects vectors too); leading dimensions are batch dimensions and broadcast.
#include <algorithm>

#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

namespace {

std::string shapes(const Tensor& a, const Tensor& b, bool transposeA, bool transposeB) {
  std::string s = "a " + shapeToString(a.shape()) + " vs b " + shapeToString(b.shape());
  if (transposeA || transposeB)
    s += std::string(" (transposeA=") + (transposeA ? "true" : "false") + ", transposeB=" +
         (transposeB ? "true" : "false") + ")";
  return s;
}

void checkShapes(const Tensor& a, const Tensor& b, bool transposeA, bool transposeB) {
  if (a.rank() < 2 || b.rank() < 2)
    throw Error("matMul: a and b must have rank >= 2, got " + shapes(a, b, transposeA, transposeB));
  const Shape& as = a.shape();
  const Shape& bs = b.shape();
  int64_t innerA = transposeA ? as[as.size() - 2] : as.back();
  int64_t innerB = transposeB ? bs.back() : bs[bs.size() - 2];
  if (innerA != innerB)
    throw Error("matMul: inner dimensions must match: " + shapes(a, b, transposeA, transposeB));
  for (size_t i = 3; i <= std::min(as.size(), bs.size()); ++i) {
    int64_t da = as[as.size() - i], db = bs[bs.size() - i];
    if (da != db && da != 1 && db != 1)
      throw Error("matMul: batch dimensions do not broadcast: " + shapes(a, b, transposeA, transposeB));
  }
}

}  // namespace

Tensor matMul(const Tensor& a, const Tensor& b, bool transposeA, bool transposeB) {
  checkShapes(a, b, transposeA, transposeB);
  auto [x, y] = makeTypesMatch(a, b);
  if (x.dtype() == DType::uint8) {  // not a TF.js dtype: multiply as int32
    x = cast(x, DType::int32);
    y = cast(y, DType::int32);
  }
  return runKernel1("BatchMatMul", {x, y}, Attrs{{"transposeA", transposeA}, {"transposeB", transposeB}});
}
Tensor Tensor::matMul(const Tensor& b, bool transposeA, bool transposeB) const {
  return edgeflow::matMul(*this, b, transposeA, transposeB);
}

// As TF.js's gradient, plus a sum over broadcast batch dimensions (where TF.js throws a shape error).
EF_REGISTER_GRADIENT("BatchMatMul", [](const GradContext& g) {
  const Tensor& a = g.inputs[0];
  const Tensor& b = g.inputs[1];
  const Tensor& dy = g.dys[0];
  bool ta = g.attrs.getBool("transposeA"), tb = g.attrs.getBool("transposeB");
  Tensor da, db;
  if (!ta && !tb) {
    da = matMul(dy, b, false, true);
    db = matMul(a, dy, true, false);
  } else if (!ta && tb) {
    da = matMul(dy, b, false, false);
    db = matMul(dy, a, true, false);
  } else if (ta && !tb) {
    da = matMul(b, dy, false, true);
    db = matMul(a, dy, false, false);
  } else {
    da = matMul(b, dy, true, true);
    db = matMul(dy, a, true, true);
  }
  return std::vector<Tensor>{reduceGradToShape(da, a.shape()), reduceGradToShape(db, b.shape())};
});

}  // namespace edgeflow
