// tf.localResponseNormalization (kernel LRN, gradient kernel LRNGrad) over the channels of NHWC x.
// Int inputs are computed in float32 and cast back, which matches TF.js storing the float results
// in an array of x's dtype.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/normalization.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor localResponseNormalization(const Tensor& x, int64_t depthRadius, double bias, double alpha, double beta) {
  if (x.rank() != 3 && x.rank() != 4)
    throw Error("Error in localResponseNormalization: x must be rank 3 or 4 but got rank " + std::to_string(x.rank()) +
                " (shape " + shapeToString(x.shape()) + ").");
  const Shape& s = x.shape();
  Tensor x4 = toFloat(x.rank() == 3 ? reshape(x, {1, s[0], s[1], s[2]}) : x);
  Tensor y = runKernel1("LRN", {x4},
                        Attrs{{"depthRadius", depthRadius}, {"bias", bias}, {"alpha", alpha}, {"beta", beta}});
  if (x.rank() == 3) y = reshape(y, s);
  return x.dtype() == DType::float32 ? y : cast(y, x.dtype());
}

EF_REGISTER_GRADIENT("LRN", [](const GradContext& g) {
  return std::vector<Tensor>{runKernel1("LRNGrad", {g.inputs[0], g.outputs[0], toFloat(g.dys[0])}, g.attrs)};
});

}  // namespace edgeflow
