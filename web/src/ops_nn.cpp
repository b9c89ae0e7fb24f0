// Convolution, pooling, normalization and the tf.losses ops.
#include "edgeflow/losses.h"
#include "edgeflow/ops/conv.h"
#include "edgeflow/ops/normalization.h"
#include "edgeflow/ops/pool.h"
#include "op_table.h"

namespace edgeflow::web {

namespace {
// TF.js's Reduction enum values: NONE 0, MEAN 1, SUM 2, SUM_BY_NONZERO_WEIGHTS 3.
losses::Reduction reduction(const OpArgs& a) {
  int64_t r = a.integer("reduction", 3);
  if (r < 0 || r > 3) throw Error(a.op() + ": argument 'reduction' must be a tf.Reduction value (0-3), got " +
                                  std::to_string(r));
  return static_cast<losses::Reduction>(r);
}
}  // namespace

void addNnOps(OpTable& t) {
  t.add("conv1d", 2, [](const OpArgs& a) {
    return conv1d(a[0], a[1], a.integer("stride", 1), a.padding("pad"), a.string("dataFormat", "NWC"),
                  a.integer("dilation", 1), a.string("dimRoundingMode", ""));
  });
  t.add("conv2d", 2, [](const OpArgs& a) {
    return conv2d(a[0], a[1], a.int2("strides", 1), a.padding("pad"), a.string("dataFormat", "NHWC"),
                  a.int2("dilations", 1), a.string("dimRoundingMode", ""));
  });
  t.add("conv2dTranspose", 2, [](const OpArgs& a) {
    return conv2dTranspose(a[0], a[1], a.shape("outputShape"), a.int2("strides", 1), a.padding("pad"),
                           a.string("dimRoundingMode", ""));
  });
  t.add("depthwiseConv2d", 2, [](const OpArgs& a) {
    return depthwiseConv2d(a[0], a[1], a.int2("strides", 1), a.padding("pad"), a.string("dataFormat", "NHWC"),
                           a.int2("dilations", 1), a.string("dimRoundingMode", ""));
  });
  t.add("separableConv2d", 3, [](const OpArgs& a) {
    return separableConv2d(a[0], a[1], a[2], a.int2("strides", 1), a.padding("pad"), a.int2("dilation", 1),
                           a.string("dataFormat", "NHWC"));
  });
  t.add("conv3d", 2, [](const OpArgs& a) {
    return conv3d(a[0], a[1], a.int3("strides", 1), a.padding("pad"), a.string("dataFormat", "NDHWC"),
                  a.int3("dilations", 1));
  });
  t.add("maxPool3d", 1, [](const OpArgs& a) {
    return maxPool3d(a[0], a.int3("filterSize", 1), a.int3("strides", 1), a.padding("pad"),
                     a.string("dimRoundingMode", ""), a.string("dataFormat", "NDHWC"));
  });
  t.add("avgPool3d", 1, [](const OpArgs& a) {
    return avgPool3d(a[0], a.int3("filterSize", 1), a.int3("strides", 1), a.padding("pad"),
                     a.string("dimRoundingMode", ""), a.string("dataFormat", "NDHWC"));
  });
  // tf.fused.*: inputs x/a, filter/b, bias?, preluActivationWeights?.
  t.add("fused.matMul", 4, [](const OpArgs& a) {
    return fused::matMul({.a = a[0], .b = a[1], .transposeA = a.flag("transposeA"), .transposeB = a.flag("transposeB"),
                          .bias = a[2], .activation = a.string("activation", "linear"),
                          .preluActivationWeights = a[3], .leakyreluAlpha = a.number("leakyreluAlpha", 0.2)});
  });
  t.add("fused.conv2d", 4, [](const OpArgs& a) {
    return fused::conv2d({.x = a[0], .filter = a[1], .strides = a.int2("strides", 1), .pad = a.padding("pad"),
                          .dataFormat = a.string("dataFormat", "NHWC"), .dilations = a.int2("dilations", 1),
                          .dimRoundingMode = a.string("dimRoundingMode", ""), .bias = a[2],
                          .activation = a.string("activation", "linear"), .preluActivationWeights = a[3],
                          .leakyreluAlpha = a.number("leakyreluAlpha", 0.2)});
  });
  t.add("fused.depthwiseConv2d", 4, [](const OpArgs& a) {
    return fused::depthwiseConv2d({.x = a[0], .filter = a[1], .strides = a.int2("strides", 1), .pad = a.padding("pad"),
                                   .dataFormat = a.string("dataFormat", "NHWC"), .dilations = a.int2("dilations", 1),
                                   .dimRoundingMode = a.string("dimRoundingMode", ""), .bias = a[2],
                                   .activation = a.string("activation", "linear"), .preluActivationWeights = a[3],
                                   .leakyreluAlpha = a.number("leakyreluAlpha", 0.2)});
  });
  t.add("maxPool", 1, [](const OpArgs& a) {
    return maxPool(a[0], a.int2("filterSize", 1), a.int2("strides", 1), a.padding("pad"),
                   a.string("dimRoundingMode", ""));
  });
  t.add("avgPool", 1, [](const OpArgs& a) {
    return avgPool(a[0], a.int2("filterSize", 1), a.int2("strides", 1), a.padding("pad"),
                   a.string("dimRoundingMode", ""));
  });
  // Inputs x, mean, variance, offset?, scale? (absent ones arrive undefined).
  t.add("batchNorm", 5, [](const OpArgs& a) {
    return batchNorm(a[0], a[1], a[2], a[3], a[4], a.number("varianceEpsilon", 0.001));
  });
  t.add("localResponseNormalization", 1, [](const OpArgs& a) {
    return localResponseNormalization(a[0], a.integer("depthRadius", 5), a.number("bias", 1), a.number("alpha", 1),
                                      a.number("beta", 0.5));
  });

  // tf.losses.*: inputs labels, predictions, weights? (undefined when absent).
  t.add("losses.meanSquaredError", 3, [](const OpArgs& a) {
    return losses::meanSquaredError(a[0], a[1], a[2], reduction(a));
  });
  t.add("losses.absoluteDifference", 3, [](const OpArgs& a) {
    return losses::absoluteDifference(a[0], a[1], a[2], reduction(a));
  });
  t.add("losses.hingeLoss", 3, [](const OpArgs& a) { return losses::hingeLoss(a[0], a[1], a[2], reduction(a)); });
  t.add("losses.huberLoss", 3, [](const OpArgs& a) {
    return losses::huberLoss(a[0], a[1], a[2], a.number("delta", 1.0), reduction(a));
  });
  t.add("losses.logLoss", 3, [](const OpArgs& a) {
    return losses::logLoss(a[0], a[1], a[2], a.number("epsilon", 1e-7), reduction(a));
  });
  t.add("losses.sigmoidCrossEntropy", 3, [](const OpArgs& a) {
    return losses::sigmoidCrossEntropy(a[0], a[1], a[2], a.number("labelSmoothing", 0), reduction(a));
  });
  t.add("losses.softmaxCrossEntropy", 3, [](const OpArgs& a) {
    return losses::softmaxCrossEntropy(a[0], a[1], a[2], a.number("labelSmoothing", 0), reduction(a));
  });
  t.add("losses.cosineDistance", 3, [](const OpArgs& a) {
    return losses::cosineDistance(a[0], a[1], a.integer("axis"), a[2], reduction(a));
  });
  t.add("losses.computeWeightedLoss", 2, [](const OpArgs& a) {
    return losses::computeWeightedLoss(a[0], a[1], reduction(a));
  });
}

}  // namespace edgeflow::web
