// tf.logSigmoid: a composite, as in TF.js: -softplus(-x), with the gradient dy * sigmoid(-x).
#include "edgeflow/autograd.h"
#include "ops/unary_op.h"

namespace edgeflow {

Tensor logSigmoid(const Tensor& x) {
  static const MultiFn op = customGrad([](const std::vector<Tensor>& in) {
    CustomGradResult r;
    r.value = neg(softplus(neg(in[0])));
    r.save = {in[0]};
    r.gradFunc = [](const Tensor& dy, const std::vector<Tensor>& saved) {
      return std::vector<Tensor>{mul(dy, sigmoid(neg(saved[0])))};
    };
    return r;
  });
  return op({x});
}
Tensor Tensor::logSigmoid() const { return edgeflow::logSigmoid(*this); }

}  // namespace edgeflow
