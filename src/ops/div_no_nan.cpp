// tf.divNoNan: a / b, but 0 where b is 0. Composite as in TF.js.
#include "edgeflow/autograd.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/unary.h"
#include "ops/binary_op.h"

namespace edgeflow {
namespace {

Tensor divNoNanForward(const Tensor& a, const Tensor& b) {
  Tensor q = div(a, b);
  Tensor zeros = zerosLike(q);
  return where(equal(b, zeros), zeros, q);
}

}  // namespace

// TF.js has no gradient here (it throws on the Equal inside); edgeflow gives the mathematical one,
// 0 where b is 0, as TensorFlow's DivNoNan does, instead of the NaN the composite would produce.
Tensor divNoNan(const TensorLike& a, const TensorLike& b) {
  broadcastShapes(static_cast<const Tensor&>(a).shape(), static_cast<const Tensor&>(b).shape(), "divNoNan");
  auto [x, y] = makeTypesMatch(a, b);
  auto f = customGrad([](const std::vector<Tensor>& in) {
    CustomGradResult r;
    r.value = divNoNanForward(in[0], in[1]);
    r.save = {in[0], in[1]};
    r.gradFunc = [](const Tensor& dy, const std::vector<Tensor>& s) {
      Tensor a = toFloat(s[0]), b = toFloat(s[1]);
      Tensor da = reduceGradToShape(divNoNanForward(dy, b), a.shape());
      Tensor db = reduceGradToShape(mul(dy, divNoNanForward(divNoNanForward(neg(a), b), b)), b.shape());
      return std::vector<Tensor>{da, db};
    };
    return r;
  });
  return f({x, y});
}
Tensor Tensor::divNoNan(const TensorLike& b) const { return edgeflow::divNoNan(*this, b); }

}  // namespace edgeflow
