// tf.fused.matMul (kernel _FusedMatMul: inputs a, b, bias?, preluActivationWeights?; attrs
// transposeA/transposeB/activation/leakyreluAlpha). TF.js flattens the batch dimensions to 3-D
// before its kernel; edgeflow's keeps them and broadcasts them like matMul.
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/unary.h"
#include "ops/conv/fused_util.h"
#include "ops/op_utils.h"

namespace edgeflow {

namespace fused {

Tensor matMul(const MatMulArgs& args) {
  const char* op = "fused matMul";
  conv::Activation act = conv::parseActivation(args.activation);
  auto [a, b] = makeTypesMatch(args.a, args.b);
  if (a.dtype() == DType::uint8 || a.dtype() == DType::bool_) {
    a = cast(a, DType::int32);
    b = cast(b, DType::int32);
  }
  std::string shapes = "a " + shapeToString(a.shape()) + " and b " + shapeToString(b.shape()) + " (transposeA=" +
                       (args.transposeA ? "true" : "false") + ", transposeB=" + (args.transposeB ? "true" : "false") + ")";
  if (a.rank() < 2 || b.rank() < 2) throw Error("Error in fused matMul: a and b must have rank >= 2, got " + shapes);
  const Shape& as = a.shape();
  const Shape& bs = b.shape();
  int64_t innerA = args.transposeA ? as[as.size() - 2] : as.back();
  int64_t innerB = args.transposeB ? bs.back() : bs[bs.size() - 2];
  int64_t outerA = args.transposeA ? as.back() : as[as.size() - 2];
  int64_t outerB = args.transposeB ? bs[bs.size() - 2] : bs.back();
  if (innerA != innerB)
    throw Error("Error in fused matMul: inner shapes (" + std::to_string(innerA) + ") and (" + std::to_string(innerB) +
                ") of Tensors with shapes " + shapes + " must match.");
  Shape outShape = broadcastShapes(Shape(as.begin(), as.end() - 2), Shape(bs.begin(), bs.end() - 2), op);
  outShape.push_back(outerA);
  outShape.push_back(outerB);
  Tensor bias = args.bias;
  if (bias.defined()) {
    bias = makeTypesMatch(bias, a).first;
    if (broadcastShapes(outShape, bias.shape(), op) != outShape)
      throw Error("Error in fused matMul: bias " + shapeToString(bias.shape()) + " must broadcast to the output shape " +
                  shapeToString(outShape));
  }
  conv::checkPreluWeights(op, act, args.preluActivationWeights);
  Tensor alpha;
  if (act == conv::Activation::prelu) {
    alpha = args.preluActivationWeights;
    if (broadcastShapes(outShape, alpha.shape(), op) != outShape)
      throw Error("Error in fused matMul: PReLU activation weights " + shapeToString(alpha.shape()) +
                  " must broadcast to the output shape " + shapeToString(outShape));
  }
  std::vector<Tensor> inputs{a, b};
  Attrs attrs{{"transposeA", args.transposeA}, {"transposeB", args.transposeB}};
  conv::addFusedInputs(inputs, attrs, bias, alpha, args.activation, args.leakyreluAlpha);
  return runKernel1("_FusedMatMul", inputs, attrs);
}

}  // namespace fused

EF_REGISTER_GRADIENT("_FusedMatMul", [](const GradContext& g) {
  const Tensor& a = g.inputs[0];
  const Tensor& b = g.inputs[1];
  conv::Activation act = conv::parseActivation(conv::stringAttr(g.attrs, "activation", "linear"));
  auto extras = conv::fusedExtras(g.inputs, act);
  bool ta = g.attrs.getBool("transposeA"), tb = g.attrs.getBool("transposeB");
  double leaky = g.attrs.has("leakyreluAlpha") ? g.attrs.getDouble("leakyreluAlpha") : 0.2;
  auto preactivation = [&] {
    std::vector<Tensor> inputs{a, b};
    Attrs attrs{{"transposeA", ta}, {"transposeB", tb}};
    conv::addFusedInputs(inputs, attrs, extras.bias, Tensor(), "linear", leaky);
    return runKernel1("_FusedMatMul", inputs, attrs);
  };
  auto ag = conv::activationGrad(g.dys[0], g.outputs[0], act, extras.alpha, leaky, preactivation);
  const Tensor& dz = ag.dz;
  Tensor da, db;
  if (!ta && !tb) {
    da = matMul(dz, b, false, true);
    db = matMul(a, dz, true, false);
  } else if (!ta && tb) {
    da = matMul(dz, b, false, false);
    db = matMul(dz, a, true, false);
  } else if (ta && !tb) {
    da = matMul(b, dz, false, true);
    db = matMul(a, dz, false, false);
  } else {
    da = matMul(b, dz, true, true);
    db = matMul(dz, a, true, true);
  }
  std::vector<Tensor> out{reduceGradToShape(da, a.shape()), reduceGradToShape(db, b.shape())};
  if (extras.bias.defined()) out.push_back(conv::broadcastGrad(dz, extras.bias, false));
  if (extras.alpha.defined()) out.push_back(conv::broadcastGrad(ag.dalpha, extras.alpha, false));
  return out;
});

}  // namespace edgeflow
