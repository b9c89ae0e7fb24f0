// Adapters for tests/oracle/gen/cases/conv.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

// TF.js's `number | [h, w]` (absent: 1).
Int2 int2(const Call& c, const char* name) {
  if (!c.has(name)) return Int2(1);
  const auto& v = c.attrs[name];
  if (v.is_number()) return Int2(v.get<int64_t>());
  return Int2(v[0].get<int64_t>(), v[1].get<int64_t>());
}
Int3 int3(const Call& c, const char* name) {
  if (!c.has(name)) return Int3(1);
  const auto& v = c.attrs[name];
  if (v.is_number()) return Int3(v.get<int64_t>());
  return Int3(v[0].get<int64_t>(), v[1].get<int64_t>(), v[2].get<int64_t>());
}
Padding pad(const Call& c) {
  const auto& v = c.attrs["pad"];
  if (v.is_string()) return Padding(v.get<std::string>());
  if (v.is_number()) return Padding(v.get<int64_t>());
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (auto& p : v) pairs.emplace_back(p[0].get<int64_t>(), p[1].get<int64_t>());
  return Padding(pairs);
}

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
  return one(conv1d(c.in(0), c.in(1), c.i("stride", 1), pad(c), c.s("dataFormat", "NWC"), c.i("dilation", 1),
                    c.s("dimRoundingMode")));
});
EF_ORACLE_OP("conv2d", [](const Call& c) {
  return one(conv2d(c.in(0), c.in(1), int2(c, "strides"), pad(c), c.s("dataFormat", "NHWC"), int2(c, "dilations"),
                    c.s("dimRoundingMode")));
});
EF_ORACLE_OP("conv2dTranspose", [](const Call& c) {
  return one(conv2dTranspose(c.in(0), c.in(1), c.ints("outputShape"), int2(c, "strides"), pad(c),
                             c.s("dimRoundingMode")));
});
EF_ORACLE_OP("conv3d", [](const Call& c) {
  return one(conv3d(c.in(0), c.in(1), int3(c, "strides"), pad(c), c.s("dataFormat", "NDHWC"), int3(c, "dilations")));
});
EF_ORACLE_OP("conv3dTranspose", [](const Call& c) {
  return one(conv3dTranspose(c.in(0), c.in(1), c.ints("outputShape"), int3(c, "strides"), pad(c)));
});
EF_ORACLE_OP("depthwiseConv2d", [](const Call& c) {
  return one(depthwiseConv2d(c.in(0), c.in(1), int2(c, "strides"), pad(c), c.s("dataFormat", "NHWC"),
                             int2(c, "dilations"), c.s("dimRoundingMode")));
});
EF_ORACLE_OP("separableConv2d", [](const Call& c) {
  return one(separableConv2d(c.in(0), c.in(1), c.in(2), int2(c, "strides"), pad(c), int2(c, "dilation"),
                             c.s("dataFormat", "NHWC")));
});
EF_ORACLE_OP("fusedConv2d", [](const Call& c) {
  auto e = extras(c);
  return one(fused::conv2d({.x = c.in(0),
                            .filter = c.in(1),
                            .strides = int2(c, "strides"),
                            .pad = pad(c),
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
                                     .pad = pad(c),
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
