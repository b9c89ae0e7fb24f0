// tf.maxPoolWithArgmax (kernel MaxPoolWithArgmax): the max pool of NHWC x and the flat index of
// each maximum, (y * width + x) * channels + c, with the batch folded in when includeBatchInIndex.
#include "edgeflow/ops/pool.h"
#include "ops/pool/pool_util.h"

namespace edgeflow {

MaxPoolWithArgmax maxPoolWithArgmax(const Tensor& x, Int2 filterSize, Int2 strides, const Padding& pad,
                                    bool includeBatchInIndex) {
  const char* op = "maxPoolWithArgmax";
  auto f = pooling::dims(filterSize, op, "filterSize");
  auto s = pooling::dims(strides, op, "strides");
  pooling::computePool2DInfo(x.shape(), f, s, {1, 1}, pad, "", op);
  Attrs attrs = pooling::poolAttrs(f, s, pad, "");
  attrs.set("includeBatchInIndex", includeBatchInIndex);
  auto r = runKernel("MaxPoolWithArgmax", {x}, attrs);
  return {r[0], r[1]};
}

}  // namespace edgeflow
