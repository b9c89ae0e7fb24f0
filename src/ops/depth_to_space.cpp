// tf.depthToSpace (kernel DepthToSpace): moves blockSize x blockSize depth blocks into space.
// Float32 only, as TF.js; like TF.js's cpu backend only NHWC is supported. TF.js has no gradient
// for it; ours is the inverse rearrangement (spaceToDepth) written with reshape and transpose.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "ops/op_utils.h"

namespace edgeflow {

Tensor depthToSpace(const Tensor& x, int64_t blockSize, const std::string& dataFormat) {
  assertDType(x, {DType::float32}, "depthToSpace", "x");
  if (dataFormat != "NHWC" && dataFormat != "NCHW")
    throw Error("depthToSpace: dataFormat must be NHWC or NCHW, got '" + dataFormat + "'");
  if (dataFormat != "NHWC")
    throw Error("depthToSpace: only NHWC dataFormat is supported (as on TF.js's cpu backend), got " + dataFormat);
  if (x.rank() != 4) throw Error("depthToSpace: x must be rank 4, got " + shapeToString(x.shape()));
  if (blockSize <= 1) throw Error("depthToSpace: blockSize should be > 1, but was " + std::to_string(blockSize));
  if (x.shape()[3] % (blockSize * blockSize) != 0)
    throw Error("depthToSpace: dimension size must be evenly divisible by " + std::to_string(blockSize * blockSize) +
                " but is " + std::to_string(x.shape()[3]) + " for x " + shapeToString(x.shape()));
  return runKernel1("DepthToSpace", {x}, Attrs{{"blockSize", blockSize}, {"dataFormat", dataFormat}});
}

// y = [B, H, bs, W, bs, C] view of x = [B, H, W, bs, bs, C] transposed; the transpose is its own inverse.
EF_REGISTER_GRADIENT("DepthToSpace", [](const GradContext& g) {
  const Shape& xs = g.inputs[0].shape();
  const int64_t bs = g.attrs.getInt("blockSize"), c = xs[3] / (bs * bs);
  Tensor dy = reshape(g.dys[0], {xs[0], xs[1], bs, xs[2], bs, c});
  return std::vector<Tensor>{reshape(transpose(dy, {0, 1, 3, 2, 4, 5}), xs)};
});

}  // namespace edgeflow
