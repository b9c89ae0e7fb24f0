// Convolution geometry (TF.js's conv_util: output shapes and padding) shared by the conv ops and
// their kernels, and the kernel attributes that carry it. Internal.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/conv.h"

namespace edgeflow::conv {

// The geometry of a 2-D or 3-D convolution; 2-D convolutions have depth 1 everywhere (d fields).
struct ConvInfo {
  int64_t batch = 0, inC = 0, outC = 0;
  int64_t inD = 1, inH = 0, inW = 0;
  int64_t outD = 1, outH = 0, outW = 0;
  int64_t filterD = 1, filterH = 0, filterW = 0;
  int64_t strideD = 1, strideH = 1, strideW = 1;
  int64_t dilD = 1, dilH = 1, dilW = 1;
  int64_t padFront = 0, padTop = 0, padLeft = 0;  // before; after is implied by the output size
  bool channelsLast = true;                        // NHWC / NDHWC (else NCHW)
  bool depthwise = false;                          // outC = inC * channel multiplier
  Shape inShape, filterShape, outShape;

  int64_t effD() const { return (filterD - 1) * dilD + 1; }
  int64_t effH() const { return (filterH - 1) * dilH + 1; }
  int64_t effW() const { return (filterW - 1) * dilW + 1; }
  int64_t chMul() const { return inC == 0 ? 0 : outC / inC; }
  int64_t inSpatial() const { return inD * inH * inW; }
  int64_t outSpatial() const { return outD * outH * outW; }
  int64_t filterSpatial() const { return filterD * filterH * filterW; }
  // 1×1 windows over every input pixel: the convolution is a plain matrix product.
  bool isPointwise() const {
    return filterD == 1 && filterH == 1 && filterW == 1 && strideD == 1 && strideH == 1 && strideW == 1 &&
           padFront == 0 && padTop == 0 && padLeft == 0 && outD == inD && outH == inH && outW == inW;
  }
};

// TF.js's computeConv2DInfo. inShape is NHWC or NCHW (channelsLast), filterShape
// [fh, fw, inC, outC] (or [fh, fw, inC, multiplier] when depthwise). Throws naming `op` when the
// window does not fit the padded input or a pad is negative.
ConvInfo conv2DInfo(const char* op, const Shape& inShape, const Shape& filterShape, Int2 strides, Int2 dilations,
                    const Padding& pad, const std::string& roundingMode, bool depthwise, bool channelsLast);
// TF.js's computeConv3DInfo: NDHWC input, [fd, fh, fw, inC, outC] filter, pad "same"/"valid"/number.
ConvInfo conv3DInfo(const char* op, const Shape& inShape, const Shape& filterShape, Int3 strides, Int3 dilations,
                    const Padding& pad);

// The fused ops' activations.
enum class Activation { linear, relu, relu6, elu, prelu, leakyrelu, sigmoid };
Activation parseActivation(const std::string& name);  // throws on unknown names

// ---- argument checks of the ops (TF.js's messages, prefixed with the op name) ----
bool parseDataFormat(const char* op, const std::string& dataFormat);  // true for channels last
void checkRank(const char* op, const char* arg, const Shape& shape, int rank);
void checkPositive(const char* op, Int2 strides, Int2 dilations);
void checkPositive(const char* op, Int3 strides, Int3 dilations);
void checkStridesOrDilationsOne(const char* op, Int2 strides, Int2 dilations);
void checkStridesOrDilationsOne(const char* op, Int3 strides, Int3 dilations);
void checkPadOnDimRoundingMode(const char* op, const Padding& pad, const std::string& dimRoundingMode);
// depthwiseConv2d's argument checks (shared with fused.depthwiseConv2d); returns x as rank 4.
Tensor checkDepthwise(const char* op, const Tensor& x, const Tensor& filter, Int2 strides, const Padding& pad,
                      const std::string& dataFormat, Int2 dilations, const std::string& dimRoundingMode);
std::string str(Int2 v);
std::string str(Int3 v);

// ---- kernel attributes ----
std::vector<int64_t> ints(Int2 v);
std::vector<int64_t> ints(Int3 v);
AttrValue padAttr(const Padding& pad);  // "same" | "valid" | number | flattened explicit pairs
Padding padFromAttrs(const Attrs& a);
Int2 int2Attr(const Attrs& a, const char* name);  // 1 when absent
Int3 int3Attr(const Attrs& a, const char* name);
std::string stringAttr(const Attrs& a, const char* name, const std::string& def);
// The attributes of Conv2D / DepthwiseConv2dNative and their backprop kernels.
Attrs conv2DAttrs(Int2 strides, const Padding& pad, const std::string& dataFormat, Int2 dilations,
                  const std::string& dimRoundingMode);
Attrs conv3DAttrs(Int3 strides, const Padding& pad, Int3 dilations);
// Geometry from a kernel's attrs (the op already validated it).
ConvInfo conv2DInfoFromAttrs(const Shape& inShape, const Shape& filterShape, const Attrs& a, bool depthwise);
ConvInfo conv3DInfoFromAttrs(const Shape& inShape, const Shape& filterShape, const Attrs& a);

}  // namespace edgeflow::conv
