// Adapters for tests/oracle/gen/cases/normalization.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

using BatchNormFn = Tensor (*)(const Tensor&, const Tensor&, const Tensor&, const Tensor&, const Tensor&, double);

// inputs: x, mean, variance, then offset and/or scale as attrs.has says.
Adapter batchNormAdapter(BatchNormFn fn) {
  return [fn](const Call& c) {
    std::string has = c.s("has");
    Tensor offset = has == "offset" || has == "both" ? c.in(3) : Tensor();
    Tensor scale = has == "scale" ? c.in(3) : has == "both" ? c.in(4) : Tensor();
    return one(fn(c.in(0), c.in(1), c.in(2), offset, scale, c.d("varianceEpsilon", 0.001)));
  };
}

EF_ORACLE_OP("batchNorm", batchNormAdapter(batchNorm));
EF_ORACLE_OP("batchNorm2d", batchNormAdapter(batchNorm2d));
EF_ORACLE_OP("batchNorm3d", batchNormAdapter(batchNorm3d));
EF_ORACLE_OP("batchNorm4d", batchNormAdapter(batchNorm4d));
EF_ORACLE_OP("localResponseNormalization", [](const Call& c) {
  return one(localResponseNormalization(c.in(0), c.i("depthRadius", 5), c.d("bias", 1), c.d("alpha", 1), c.d("beta", 0.5)));
});

}  // namespace
}  // namespace edgeflow::oracle
