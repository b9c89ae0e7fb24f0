// Convolutions (tf.conv1d, tf.conv2d, tf.conv2dTranspose, tf.conv3d, tf.depthwiseConv2d,
// tf.separableConv2d, their backprop ops) and the fused ops tf.fused.conv2d / depthwiseConv2d /
// matMul. Filters are laid out as in TF.js: [filterHeight, filterWidth, inChannels, outChannels].
#pragma once
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

// A window parameter given as one number for every spatial dimension or one per dimension, as
// TF.js's `number | [number, number]`: `2` or `{2, 1}`.
struct Int2 {
  int64_t h = 1, w = 1;
  Int2(int v = 1) : h(v), w(v) {}
  Int2(int64_t v) : h(v), w(v) {}
  Int2(int64_t height, int64_t width) : h(height), w(width) {}
};
struct Int3 {
  int64_t d = 1, h = 1, w = 1;
  Int3(int v = 1) : d(v), h(v), w(v) {}
  Int3(int64_t v) : d(v), h(v), w(v) {}
  Int3(int64_t depth, int64_t height, int64_t width) : d(depth), h(height), w(width) {}
};

// TF.js's pad argument: "same", "valid", a number (the same padding on every side) or explicit
// [before, after] pairs per dimension of the input, e.g. {{0, 0}, {top, bottom}, {left, right}, {0, 0}}
// for NHWC.
class Padding {
 public:
  enum class Kind { same, valid, number, explicit_ };
  Padding(const char* type);
  Padding(const std::string& type);
  Padding(int value);
  Padding(int64_t value);
  Padding(std::initializer_list<std::pair<int64_t, int64_t>> pads);
  Padding(std::vector<std::pair<int64_t, int64_t>> pads);

  Kind kind() const { return kind_; }
  int64_t value() const { return value_; }  // for Kind::number
  const std::vector<std::pair<int64_t, int64_t>>& pads() const { return pads_; }  // for Kind::explicit_
  std::string toString() const;  // "same", "valid", "2", "[[0,0],[1,1],[1,1],[0,0]]"

 private:
  Kind kind_ = Kind::valid;
  int64_t value_ = 0;
  std::vector<std::pair<int64_t, int64_t>> pads_;
};

// dimRoundingMode: "" (truncate, TF.js's undefined), "floor", "round" or "ceil"; it needs a
// numeric or explicit pad. dataFormat: "NHWC" or "NCHW".
Tensor conv1d(const Tensor& x, const Tensor& filter, int64_t stride, const Padding& pad,
              const std::string& dataFormat = "NWC", int64_t dilation = 1, const std::string& dimRoundingMode = "");
Tensor conv2d(const Tensor& x, const Tensor& filter, Int2 strides, const Padding& pad,
              const std::string& dataFormat = "NHWC", Int2 dilations = 1, const std::string& dimRoundingMode = "");
// The transpose (gradient) of conv2d; outputShape is the shape of the conv2d input it maps back to.
Tensor conv2dTranspose(const Tensor& x, const Tensor& filter, const Shape& outputShape, Int2 strides,
                       const Padding& pad, const std::string& dimRoundingMode = "");
Tensor conv3d(const Tensor& x, const Tensor& filter, Int3 strides, const Padding& pad,
              const std::string& dataFormat = "NDHWC", Int3 dilations = 1);
Tensor conv3dTranspose(const Tensor& x, const Tensor& filter, const Shape& outputShape, Int3 strides,
                       const Padding& pad);
// filter: [filterHeight, filterWidth, inChannels, channelMultiplier].
Tensor depthwiseConv2d(const Tensor& x, const Tensor& filter, Int2 strides, const Padding& pad,
                       const std::string& dataFormat = "NHWC", Int2 dilations = 1,
                       const std::string& dimRoundingMode = "");
Tensor separableConv2d(const Tensor& x, const Tensor& depthwiseFilter, const Tensor& pointwiseFilter, Int2 strides,
                       const Padding& pad, Int2 dilation = 1, const std::string& dataFormat = "NHWC");

// The gradients of conv2d / conv3d / depthwiseConv2d as ops (TF.js's conv2DBackpropInput, ...).
// dilations > 1 are an edgeflow extension (TF.js's gradients reject them).
Tensor conv2DBackpropInput(const Shape& xShape, const Tensor& dy, const Tensor& filter, Int2 strides,
                           const Padding& pad, const std::string& dataFormat = "NHWC",
                           const std::string& dimRoundingMode = "", Int2 dilations = 1);
Tensor conv2DBackpropFilter(const Tensor& x, const Tensor& dy, const Shape& filterShape, Int2 strides,
                            const Padding& pad, const std::string& dataFormat = "NHWC",
                            const std::string& dimRoundingMode = "", Int2 dilations = 1);
Tensor conv3DBackpropInput(const Shape& xShape, const Tensor& dy, const Tensor& filter, Int3 strides,
                           const Padding& pad, Int3 dilations = 1);
Tensor conv3DBackpropFilter(const Tensor& x, const Tensor& dy, const Shape& filterShape, Int3 strides,
                            const Padding& pad, Int3 dilations = 1);
Tensor depthwiseConv2dNativeBackpropInput(const Shape& xShape, const Tensor& dy, const Tensor& filter, Int2 strides,
                                          const Padding& pad, Int2 dilations = 1,
                                          const std::string& dimRoundingMode = "");
Tensor depthwiseConv2dNativeBackpropFilter(const Tensor& x, const Tensor& dy, const Shape& filterShape, Int2 strides,
                                           const Padding& pad, Int2 dilations = 1,
                                           const std::string& dimRoundingMode = "");

// tf.fused: the op, then `+ bias`, then the activation, in one kernel. Fields as TF.js's object
// argument, for designated initializers:
//   fused::conv2d({.x = x, .filter = w, .strides = 1, .pad = "same", .bias = b, .activation = "relu"})
// activation: "linear", "relu", "relu6", "elu", "prelu" (with preluActivationWeights),
// "leakyrelu" (with leakyreluAlpha) or "sigmoid". Every input gets a gradient, whatever the
// activation (TF.js falls back to unfused ops there; the results agree).
namespace fused {

struct Conv2DArgs {
  Tensor x = {};
  Tensor filter = {};
  Int2 strides = 1;
  Padding pad = "valid";
  std::string dataFormat = "NHWC";
  Int2 dilations = 1;
  std::string dimRoundingMode = "";
  Tensor bias = {};
  std::string activation = "linear";
  Tensor preluActivationWeights = {};
  double leakyreluAlpha = 0.2;
};
Tensor conv2d(const Conv2DArgs& args);

struct DepthwiseConv2DArgs {
  Tensor x = {};
  Tensor filter = {};
  Int2 strides = 1;
  Padding pad = "valid";
  std::string dataFormat = "NHWC";
  Int2 dilations = 1;
  std::string dimRoundingMode = "";
  Tensor bias = {};
  std::string activation = "linear";
  Tensor preluActivationWeights = {};
  double leakyreluAlpha = 0.2;
};
Tensor depthwiseConv2d(const DepthwiseConv2DArgs& args);

struct MatMulArgs {
  Tensor a = {};
  Tensor b = {};
  bool transposeA = false;
  bool transposeB = false;
  Tensor bias = {};
  std::string activation = "linear";
  Tensor preluActivationWeights = {};
  double leakyreluAlpha = 0.2;
};
Tensor matMul(const MatMulArgs& args);

}  // namespace fused
}  // namespace edgeflow
