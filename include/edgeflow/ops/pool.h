// Pooling (tf.maxPool, tf.avgPool, tf.maxPool3d, tf.avgPool3d, tf.maxPoolWithArgmax, tf.pool)
// and the 1-D pooling TF.js's layers build from 2-D pooling. Inputs are channels-last (NHWC,
// NDHWC); an unbatched input (rank 3, or rank 4 for 3-D pooling) gets a batch of one.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/ops/conv.h"  // Int2, Int3, Padding
#include "edgeflow/tensor.h"

namespace edgeflow {

// dimRoundingMode: "" (truncate, TF.js's default), "floor", "round" or "ceil"; only with a numeric
// or explicit pad.
Tensor maxPool(const Tensor& x, Int2 filterSize, Int2 strides, const Padding& pad,
               const std::string& dimRoundingMode = "");
Tensor avgPool(const Tensor& x, Int2 filterSize, Int2 strides, const Padding& pad,
               const std::string& dimRoundingMode = "");
// 3-D pooling over [batch, depth, height, width, channels]; pad is "same", "valid" or a number.
Tensor maxPool3d(const Tensor& x, Int3 filterSize, Int3 strides, const Padding& pad,
                 const std::string& dimRoundingMode = "", const std::string& dataFormat = "NDHWC");
Tensor avgPool3d(const Tensor& x, Int3 filterSize, Int3 strides, const Padding& pad,
                 const std::string& dimRoundingMode = "", const std::string& dataFormat = "NDHWC");

// tf.maxPoolWithArgmax: the max pool and, per output, the flat index of its input element
// ((y * width + x) * channels + c, plus the batch offset when includeBatchInIndex).
struct MaxPoolWithArgmax {
  Tensor result;
  Tensor indexes;
};
inline void collectTensors(const MaxPoolWithArgmax& r, std::vector<Tensor>& out) {
  out.push_back(r.result);
  out.push_back(r.indexes);
}
MaxPoolWithArgmax maxPoolWithArgmax(const Tensor& x, Int2 filterSize, Int2 strides, const Padding& pad,
                                    bool includeBatchInIndex = false);

// tf.pool: "max" or "avg" pooling with dilations (through spaceToBatchND when a dilation is > 1).
Tensor pool(const Tensor& input, Int2 windowShape, const std::string& poolingType, const Padding& pad,
            Int2 dilations = 1, Int2 strides = 1, const std::string& dimRoundingMode = "");

// 1-D pooling over [batch, steps, channels] as TF.js's MaxPooling1D/AveragePooling1D compute it:
// 2-D pooling of x with an inserted width of one. pad is "valid" or "same".
Tensor maxPool1d(const Tensor& x, int64_t poolSize, int64_t stride, const std::string& pad = "valid");
Tensor avgPool1d(const Tensor& x, int64_t poolSize, int64_t stride, const std::string& pad = "valid");

// The gradient ops (tf.maxPoolGrad-style), for gradient authors: dx of each pooling for dy.
Tensor maxPoolGrad(const Tensor& dy, const Tensor& input, const Tensor& output, Int2 filterSize,
                   Int2 strides, const Padding& pad, const std::string& dimRoundingMode = "");
Tensor avgPoolGrad(const Tensor& dy, const Tensor& input, Int2 filterSize, Int2 strides, const Padding& pad);
Tensor maxPool3dGrad(const Tensor& dy, const Tensor& input, const Tensor& output, Int3 filterSize,
                     Int3 strides, const Padding& pad, const std::string& dimRoundingMode = "");
Tensor avgPool3dGrad(const Tensor& dy, const Tensor& input, Int3 filterSize, Int3 strides,
                     const Padding& pad, const std::string& dimRoundingMode = "");

}  // namespace edgeflow
