// tf.batchNorm (kernel FusedBatchNorm) and its rank-checked forms. x is reshaped to 4-D as TF.js
// does (rank 0-1 -> [1,1,1,n], 2 -> [1,1,r,c], 3 -> [1,...]); higher ranks stay as they are. The
// kernel always gets all five inputs [x, scale, offset, mean, variance]: a missing scale is [1]
// and a missing offset [0] (attrs hasScale / hasOffset say which were given).
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/normalization.h"
#include "edgeflow/ops/unary.h"
#include "ops/op_utils.h"

namespace edgeflow {
namespace {

Shape as4D(const Shape& s) {
  switch (s.size()) {
    case 0:
    case 1: return {1, 1, 1, sizeFromShape(s)};
    case 2: return {1, 1, s[0], s[1]};
    case 3: return {1, s[0], s[1], s[2]};
    default: return s;
  }
}

void checkRankNor1(const char* op, const char* what, const Tensor& t, int rank) {
  if (t.defined() && t.rank() != rank && t.rank() != 1)
    throw Error(std::string("Error in ") + op + ": " + what + " must be rank " + std::to_string(rank) +
                " or rank 1 but got rank " + std::to_string(t.rank()) + ".");
}

Tensor batchNormRanked(const char* op, int rank, const Tensor& x, const Tensor& mean, const Tensor& variance,
                       const Tensor& offset, const Tensor& scale, double eps) {
  if (x.rank() != rank)
    throw Error(std::string("Error in ") + op + ": x must be rank " + std::to_string(rank) + " but got rank " +
                std::to_string(x.rank()) + ".");
  checkRankNor1(op, "mean", mean, rank);
  checkRankNor1(op, "variance", variance, rank);
  checkRankNor1(op, "scale", scale, rank);
  checkRankNor1(op, "offset", offset, rank);
  return batchNorm(x, mean, variance, offset, scale, eps);
}

}  // namespace

Tensor batchNorm(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset, const Tensor& scale,
                 double varianceEpsilon) {
  if (!x.defined() || !mean.defined() || !variance.defined())
    throw Error("batchNorm: x, mean and variance are required");
  if (mean.rank() != variance.rank())
    throw Error("batchNorm: Batch normalization gradient requires mean and variance to have equal ranks (mean " +
                shapeToString(mean.shape()) + ", variance " + shapeToString(variance.shape()) + ")");
  if (offset.defined() && offset.rank() != mean.rank())
    throw Error("batchNorm: Batch normalization gradient requires mean and offset to have equal ranks (mean " +
                shapeToString(mean.shape()) + ", offset " + shapeToString(offset.shape()) + ")");
  if (scale.defined() && scale.rank() != mean.rank())
    throw Error("batchNorm: Batch normalization gradient requires mean and scale to have equal ranks (mean " +
                shapeToString(mean.shape()) + ", scale " + shapeToString(scale.shape()) + ")");
  Shape s4 = as4D(x.shape());
  for (const Tensor* t : {&mean, &variance, &offset, &scale}) {
    if (!t->defined()) continue;
    if (broadcastShapes(s4, t->shape(), "batchNorm") != s4)
      throw Error("batchNorm: mean, variance, offset and scale must broadcast to x; got " + shapeToString(t->shape()) +
                  " for x " + shapeToString(x.shape()));
  }
  Tensor x4 = reshape(toFloat(x), s4);
  Tensor sc = scale.defined() ? toFloat(scale) : ones({1});
  Tensor off = offset.defined() ? toFloat(offset) : zeros({1});
  Tensor y = runKernel1("FusedBatchNorm", {x4, sc, off, toFloat(mean), toFloat(variance)},
                        Attrs{{"varianceEpsilon", varianceEpsilon}, {"hasScale", scale.defined()},
                              {"hasOffset", offset.defined()}});
  y = reshape(y, x.shape());
  return x.dtype() == DType::float32 ? y : cast(y, x.dtype());  // TF.js keeps x's dtype
}

Tensor batchNorm2d(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset,
                   const Tensor& scale, double varianceEpsilon) {
  return batchNormRanked("batchNorm2D", 2, x, mean, variance, offset, scale, varianceEpsilon);
}
Tensor batchNorm3d(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset,
                   const Tensor& scale, double varianceEpsilon) {
  return batchNormRanked("batchNorm3D", 3, x, mean, variance, offset, scale, varianceEpsilon);
}
Tensor batchNorm4d(const Tensor& x, const Tensor& mean, const Tensor& variance, const Tensor& offset,
                   const Tensor& scale, double varianceEpsilon) {
  return batchNormRanked("batchNorm4D", 4, x, mean, variance, offset, scale, varianceEpsilon);
}

// TF.js's FusedBatchNorm gradient, with broadcasting in place of its tile (the same values) and
// every input's gradient summed down to that input's shape.
EF_REGISTER_GRADIENT("FusedBatchNorm", [](const GradContext& g) {
  const Tensor &dy = g.dys[0], &x = g.inputs[0], &mean = g.inputs[3], &variance = g.inputs[4];
  bool hasScale = g.attrs.getBool("hasScale"), hasOffset = g.attrs.getBool("hasOffset");
  Tensor scaleValue = hasScale ? g.inputs[1] : scalar(1);
  Tensor xMinusMean = sub(x, mean);
  Tensor dyTimesScale = mul(dy, scaleValue);
  Tensor rsq = rsqrt(add(variance, scalar(g.attrs.getDouble("varianceEpsilon"))));
  Tensor minusHalfRCube = mul(mul(mul(rsq, rsq), rsq), scalar(-0.5));
  Tensor dx = reshape(mul(mul(dy, rsq), scaleValue), x.shape());
  Tensor dMean = reduceGradToShape(mul(mul(rsq, scalar(-1)), dyTimesScale), mean.shape());
  Tensor dVariance = reduceGradToShape(mul(mul(minusHalfRCube, xMinusMean), dyTimesScale), mean.shape());
  Tensor dScale = hasScale ? reduceGradToShape(mul(dy, mul(xMinusMean, rsq)), g.inputs[1].shape()) : Tensor();
  Tensor dOffset = hasOffset ? reduceGradToShape(dy, g.inputs[2].shape()) : Tensor();
  return std::vector<Tensor>{dx, dScale, dOffset, dMean, dVariance};
});

}  // namespace edgeflow
