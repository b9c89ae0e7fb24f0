// Shape, slicing and joining (tf.reshape, tf.concat, tf.stridedSlice, tf.gather, ...).
#pragma once
#include <utility>

#include "edgeflow/tensor.h"

namespace edgeflow {

using Paddings = std::vector<std::pair<int64_t, int64_t>>;

Tensor reshape(const Tensor& x, Shape shape);  // one -1 is inferred
Tensor flatten(const Tensor& x);               // reshape to [-1]
Tensor expandDims(const Tensor& x, int64_t axis = 0);
Tensor squeeze(const Tensor& x, std::vector<int64_t> axis = {});
Tensor concat(const std::vector<Tensor>& tensors, int64_t axis = 0);
Tensor stack(const std::vector<Tensor>& tensors, int64_t axis = 0);
std::vector<Tensor> unstack(const Tensor& x, int64_t axis = 0);
std::vector<Tensor> split(const Tensor& x, int64_t numSplits, int64_t axis = 0);
std::vector<Tensor> split(const Tensor& x, std::vector<int64_t> sizeSplits, int64_t axis = 0);  // one -1 allowed
Tensor slice(const Tensor& x, std::vector<int64_t> begin, std::vector<int64_t> size = {});  // size -1 = to the end
Tensor stridedSlice(const Tensor& x, std::vector<int64_t> begin, std::vector<int64_t> end,
                    std::vector<int64_t> strides = {}, int beginMask = 0, int endMask = 0,
                    int ellipsisMask = 0, int newAxisMask = 0, int shrinkAxisMask = 0);
Tensor gather(const Tensor& x, const Tensor& indices, int64_t axis = 0, int64_t batchDims = 0);
Tensor gatherND(const Tensor& x, const Tensor& indices);
Tensor scatterND(const Tensor& indices, const Tensor& updates, const Shape& shape);
Tensor tile(const Tensor& x, std::vector<int64_t> reps);
Tensor pad(const Tensor& x, const Paddings& paddings, double constantValue = 0);
Tensor mirrorPad(const Tensor& x, const Paddings& paddings, const std::string& mode);  // "reflect" | "symmetric"
Tensor reverse(const Tensor& x, Axes axis = {});
Tensor broadcastTo(const Tensor& x, const Shape& shape);
Tensor depthToSpace(const Tensor& x, int64_t blockSize, const std::string& dataFormat = "NHWC");
Tensor spaceToBatchND(const Tensor& x, std::vector<int64_t> blockShape, const Paddings& paddings);
Tensor batchToSpaceND(const Tensor& x, std::vector<int64_t> blockShape, const Paddings& crops);

}  // namespace edgeflow
