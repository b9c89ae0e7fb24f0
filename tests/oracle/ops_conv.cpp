// Adapters for tests/oracle/gen/cases/conv.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

// The fused ops' optional inputs after the first two: bias if attrs.bias, weights if attrs.prelu.
struct Extras {
  Tensor bias, weights;
};
Extras extras(const Call& c) {
  Extras e;
  size_t k = 2;
  if (c.b("bias")) e.bias = c.in(k++);
  if (c.b("prelu")) e.weights = c.in(k++);
  return e;
}

}  // namespace

EF_ORACLE_OP("conv1d", [](const Call& c) {
  return one(conv1d(c.in(0), c.in(1), c.i("stride", 1), padding(c), c.s("dataFormat", "NWC"), c.i("dilation", 1),
                    c.s("dimRoundingMode")));
});
EF_ORACLE_OP("conv2d", [](const Call& c) {
  return one(conv2d(c.in(0), c.in(1), int2(c, "strides"), padding(c), c.s("dataFormat", "NHWC"), int2(c, "dilations"),
                    c.s("dimRoundingMode")));
});
EF_ORACLE_OP("conv2dTranspose", [](const Call& c) {
  return one(conv2dTranspose(c.in(0), c.in(1), c.ints("outputShape"), int2(c, "strides"), padding(c),
                             c.s("dimRoundingMode")));
});
EF_ORACLE_OP("conv3d", [](const Call& c) {
  return one(conv3d(c.in(0), c.in(1), int3(c, "strides"), padding(c), c.s("dataFormat", "NDHWC"), int3(c, "dilations")));
});
EF_ORACLE_OP("conv3dTranspose", [](const Call& c) {
  return one(conv3dTranspose(c.in(0), c.in(1), c.ints("outputShape"), int3(c, "strides"), padding(c)));
});
EF_ORACLE_OP("depthwiseConv2d", [](const Call& c) {
  return one(depthwiseConv2d(c.in(0), c.in(1), int2(c, "strides"), padding(c), c.s("dataFormat", "NHWC"),
                             int2(c, "dilations"), c.s("dimRoundingMode")));
});
EF_ORACLE_OP("separableConv2d", [](const Call& c) {
  return one(separableConv2d(c.in(0), c.in(1), c.in(2), int2(c, "strides"), padding(c), int2(c, "dilation"),
                             c.s("dataFormat", "NHWC")));
});
EF_ORACLE_OP("fusedConv2d", [](const Call& c) {
  auto e = extras(c);
  return one(fused::conv2d({.x = c.in(0),
                            .filter = c.in(1),
                            .strides = int2(c, "strides"),
                            .pad = padding(c),
                            .dataFormat = c.s("dataFormat", "NHWC"),
                            .dilations = int2(c, "dilations"),
                            .dimRoundingMode = c.s("dimRoundingMode"),
                            .bias = e.bias,
                            .activation = c.s("activation", "linear"),
                            .preluActivationWeights = e.weights,
                            .leakyreluAlpha = c.d("leakyreluAlpha", 0.2)}));
});
EF_ORACLE_OP("fusedDepthwiseConv2d", [](const Call& c) {
  auto e = extras(c);
  return one(fused::depthwiseConv2d({.x = c.in(0),
                                     .filter = c.in(1),
                                     .strides = int2(c, "strides"),
                                     .pad = padding(c),
                                     .dataFormat = c.s("dataFormat", "NHWC"),
                                     .dilations = int2(c, "dilations"),
                                     .dimRoundingMode = c.s("dimRoundingMode"),
                                     .bias = e.bias,
                                     .activation = c.s("activation", "linear"),
                                     .preluActivationWeights = e.weights,
                                     .leakyreluAlpha = c.d("leakyreluAlpha", 0.2)}));
});
EF_ORACLE_OP("fusedMatMul", [](const Call& c) {
  auto e = extras(c);
  return one(fused::matMul({.a = c.in(0),
                            .b = c.in(1),
                            .transposeA = c.b("transposeA"),
                            .transposeB = c.b("transposeB"),
                            .bias = e.bias,
                            .activation = c.s("activation", "linear"),
                            .preluActivationWeights = e.weights,
                            .leakyreluAlpha = c.d("leakyreluAlpha", 0.2)}));
});

}  // namespace edgeflow::oracle
