// The pooling gradient ops (kernels MaxPoolGrad, AvgPoolGrad, MaxPool3DGrad, AvgPool3DGrad) and
// the gradients of MaxPool, AvgPool, MaxPool3D, AvgPool3D and MaxPoolWithArgmax built on them.
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/pool.h"
#include "ops/op_utils.h"
#include "ops/pool/pool_util.h"

namespace edgeflow {
namespace {

void checkGradShapes(const char* op, const Tensor& dy, const Tensor& input, int rank) {
  if (input.rank() != dy.rank())
    throw Error(std::string(op) + ": Rank of input (" + std::to_string(input.rank()) + ") does not match rank of dy (" +
                std::to_string(dy.rank()) + ")");
  if (dy.rank() != rank)
    throw Error(std::string(op) + ": dy must be rank " + std::to_string(rank) + ", got shape " + shapeToString(dy.shape()));
  if (dy.shape().front() != input.shape().front() || dy.shape().back() != input.shape().back())
    throw Error(std::string(op) + ": dy " + shapeToString(dy.shape()) + " and input " + shapeToString(input.shape()) +
                " differ in batch or channels");
}

Tensor addBatch(const Tensor& x) {
  Shape s = x.shape();
  s.insert(s.begin(), 1);
  return reshape(x, s);
}
Tensor dropBatch(const Tensor& x) { return reshape(x, Shape(x.shape().begin() + 1, x.shape().end())); }

// Geometry check with the op's name, then the kernel.
Tensor runPoolGrad(const char* kernel, const char* op, std::vector<Tensor> inputs, const std::vector<int64_t>& f,
                   const std::vector<int64_t>& s, const Padding& pad, const std::string& dimRoundingMode, bool is3d) {
  pooling::checkPadOnDimRoundingMode(op, pad, dimRoundingMode);
  const Shape& xs = inputs[1].shape();
  if (is3d) pooling::computePool3DInfo(xs, f, s, pad, dimRoundingMode, op);
  else pooling::computePool2DInfo(xs, f, s, {1, 1}, pad, dimRoundingMode, op);
  inputs[0] = toFloat(inputs[0]);
  return runKernel1(kernel, inputs, pooling::poolAttrs(f, s, pad, dimRoundingMode));
}

Int2 int2Attr(const Attrs& a, const char* name) {
  const auto& v = a.getInts(name);
  return Int2(v[0], v[1]);
}
Int3 int3Attr(const Attrs& a, const char* name) {
  const auto& v = a.getInts(name);
  return Int3(v[0], v[1], v[2]);
}

}  // namespace

Tensor maxPoolGrad(const Tensor& dy, const Tensor& input, const Tensor& output, Int2 filterSize, Int2 strides,
                   const Padding& pad, const std::string& dimRoundingMode) {
  checkGradShapes("maxPoolGrad", dy, input, 4);
  return runPoolGrad("MaxPoolGrad", "maxPoolGrad", {dy, input, output}, pooling::dims(filterSize, "maxPoolGrad", "filterSize"),
                   pooling::dims(strides, "maxPoolGrad", "strides"), pad, dimRoundingMode, false);
}

Tensor avgPoolGrad(const Tensor& dy, const Tensor& input, Int2 filterSize, Int2 strides, const Padding& pad) {
  bool one = input.rank() == 3 && dy.rank() == 3;
  Tensor dy4 = one ? addBatch(dy) : dy, in4 = one ? addBatch(input) : input;
  checkGradShapes("avgPoolGrad", dy4, in4, 4);
  Tensor r = runPoolGrad("AvgPoolGrad", "avgPoolGrad", {dy4, in4}, pooling::dims(filterSize, "avgPoolGrad", "filterSize"),
                   pooling::dims(strides, "avgPoolGrad", "strides"), pad, "", false);
  return one ? dropBatch(r) : r;
}

Tensor maxPool3dGrad(const Tensor& dy, const Tensor& input, const Tensor& output, Int3 filterSize, Int3 strides,
                     const Padding& pad, const std::string& dimRoundingMode) {
  bool one = input.rank() == 4 && dy.rank() == 4;
  Tensor dy5 = one ? addBatch(dy) : dy, in5 = one ? addBatch(input) : input;
  Tensor out5 = one && output.rank() == 4 ? addBatch(output) : output;
  checkGradShapes("maxPool3dGrad", dy5, in5, 5);
  Tensor r = runPoolGrad("MaxPool3DGrad", "maxPool3dGrad", {dy5, in5, out5}, pooling::dims(filterSize, "maxPool3dGrad", "filterSize"),
                   pooling::dims(strides, "maxPool3dGrad", "strides"), pad, dimRoundingMode, true);
  return one ? dropBatch(r) : r;
}

Tensor avgPool3dGrad(const Tensor& dy, const Tensor& input, Int3 filterSize, Int3 strides, const Padding& pad,
                     const std::string& dimRoundingMode) {
  bool one = input.rank() == 4 && dy.rank() == 4;
  Tensor dy5 = one ? addBatch(dy) : dy, in5 = one ? addBatch(input) : input;
  checkGradShapes("avgPool3dGrad", dy5, in5, 5);
  Tensor r = runPoolGrad("AvgPool3DGrad", "avgPool3dGrad", {dy5, in5}, pooling::dims(filterSize, "avgPool3dGrad", "filterSize"),
                   pooling::dims(strides, "avgPool3dGrad", "strides"), pad, dimRoundingMode, true);
  return one ? dropBatch(r) : r;
}

// As TF.js, the 2-D gradients drop dimRoundingMode; the 3-D ones keep it.
EF_REGISTER_GRADIENT("MaxPool", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  return std::vector<Tensor>{maxPoolGrad(g.dys[0], g.inputs[0], g.outputs[0], int2Attr(a, "filterSize"),
                                         int2Attr(a, "strides"), pooling::padFromAttrs(a))};
});
EF_REGISTER_GRADIENT("AvgPool", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  return std::vector<Tensor>{
      avgPoolGrad(g.dys[0], g.inputs[0], int2Attr(a, "filterSize"), int2Attr(a, "strides"), pooling::padFromAttrs(a))};
});
EF_REGISTER_GRADIENT("MaxPool3D", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  return std::vector<Tensor>{maxPool3dGrad(g.dys[0], g.inputs[0], g.outputs[0], int3Attr(a, "filterSize"),
                                           int3Attr(a, "strides"), pooling::padFromAttrs(a), pooling::roundingFromAttrs(a))};
});
EF_REGISTER_GRADIENT("AvgPool3D", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  return std::vector<Tensor>{avgPool3dGrad(g.dys[0], g.inputs[0], int3Attr(a, "filterSize"), int3Attr(a, "strides"),
                                           pooling::padFromAttrs(a), pooling::roundingFromAttrs(a))};
});
// TF.js has no gradient here; this is TensorFlow's: dy goes to each window's (first) maximum.
EF_REGISTER_GRADIENT("MaxPoolWithArgmax", [](const GradContext& g) {
  const Attrs& a = g.attrs;
  return std::vector<Tensor>{maxPoolGrad(g.dys[0], g.inputs[0], g.outputs[0], int2Attr(a, "filterSize"),
                                         int2Attr(a, "strides"), pooling::padFromAttrs(a))};
});

}  // namespace edgeflow
