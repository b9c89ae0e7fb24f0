// tf.pool (max or average pooling with dilations) and the 1-D pooling of TF.js's layers. A
// dilation > 1 runs as batchToSpaceND(pool(spaceToBatchND(x))), exactly as TF.js does.
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/pool.h"
#include "ops/pool/pool_util.h"

namespace edgeflow {
namespace {

bool allOne(const std::vector<int64_t>& v) {
  for (int64_t d : v)
    if (d != 1) return false;
  return true;
}

Tensor pool1d(const char* op, bool isMax, const Tensor& x, int64_t poolSize, int64_t stride, const std::string& pad) {
  if (x.rank() != 3) throw Error(std::string(op) + ": x must be rank 3 [batch, steps, channels], got shape " + shapeToString(x.shape()));
  if (pad != "valid" && pad != "same") throw Error(std::string(op) + ": pad must be 'valid' or 'same', got '" + pad + "'");
  Tensor x4 = expandDims(x, 2);
  Tensor y = isMax ? maxPool(x4, {poolSize, 1}, {stride, 1}, pad) : avgPool(x4, {poolSize, 1}, {stride, 1}, pad);
  return squeeze(y, {2});
}

}  // namespace

Tensor pool(const Tensor& input, Int2 windowShape, const std::string& poolingType, const Padding& padding, Int2 dilations,
            Int2 strides, const std::string& dimRoundingMode) {
  const char* op = "pool";
  if (poolingType != "max" && poolingType != "avg")
    throw Error("pool: poolingType must be 'max' or 'avg', got '" + poolingType + "'");
  Padding pad = padding.kind() == Padding::Kind::number && padding.value() == 0 ? Padding("valid") : padding;
  if (input.rank() != 3 && input.rank() != 4)
    throw Error("pool: input must be rank 4 (or 3 for one image), got shape " + shapeToString(input.shape()));
  Tensor x4 = input.rank() == 3 ? expandDims(input, 0) : input;
  auto win = pooling::dims(windowShape, op, "windowShape");
  auto dil = pooling::dims(dilations, op, "dilations");
  auto str = pooling::dims(strides, op, "strides");
  if (!allOne(str) && !allOne(dil))
    throw Error("Error in pool: Either strides or dilations must be 1. Got strides " + shapeToString(str) +
                " and dilations " + shapeToString(dil));
  pooling::PoolInfo info = pooling::computePool2DInfo(x4.shape(), win, str, dil, pad, "", op);
  auto run = [&](const Tensor& x, const Padding& p) {
    return poolingType == "avg" ? avgPool(x, windowShape, strides, p, dimRoundingMode)
                                : maxPool(x, windowShape, strides, p, dimRoundingMode);
  };
  Tensor y;
  if (allOne(dil)) {
    y = run(x4, pad);
  } else {
    Paddings stbPads(2), crops(2);
    int64_t in[2] = {info.inH, info.inW};
    for (int i = 0; i < 2; ++i) {
      int64_t start = 0, end = 0;
      if (pad.kind() == Padding::Kind::same) {  // TF's withSpaceToBatchBasePaddings
        int64_t extra = win[i] + (win[i] - 1) * (dil[i] - 1) - 1;
        start = extra / 2, end = extra - start;
      }
      // TF.js's requiredSpaceToBatchPaddings rounds up the input size alone (not input + padding).
      int64_t endExtra = (dil[i] - in[i] % dil[i]) % dil[i];
      stbPads[i] = {start, end + endExtra};
      crops[i] = {0, endExtra};
    }
    y = batchToSpaceND(run(spaceToBatchND(x4, dil, stbPads), Padding("valid")), dil, crops);
  }
  return input.rank() == 3 ? squeeze(y, {0}) : y;
}

Tensor maxPool1d(const Tensor& x, int64_t poolSize, int64_t stride, const std::string& pad) {
  return pool1d("maxPool1d", true, x, poolSize, stride, pad);
}
Tensor avgPool1d(const Tensor& x, int64_t poolSize, int64_t stride, const std::string& pad) {
  return pool1d("avgPool1d", false, x, poolSize, stride, pad);
}

}  // namespace edgeflow
