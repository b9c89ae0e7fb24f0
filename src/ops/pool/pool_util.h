// Window geometry of 2-D and 3-D pooling (TF.js's computePool2DInfo / computePool3DInfo) and the
// pooling attrs shared by the ops and the kernels. Internal.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/pool.h"

namespace edgeflow::pooling {

// A window size or stride as a list, checked to be >= 1 (errors name op and what).
std::vector<int64_t> checkPositive(std::vector<int64_t> v, const char* op, const char* what);
std::vector<int64_t> dims(Int2 v, const char* op, const char* what);
std::vector<int64_t> dims(Int3 v, const char* op, const char* what);

// 2-D pooling is 3-D pooling with a depth of one (inD = outD = filterD = strideD = 1).
struct PoolInfo {
  int64_t batch = 0, channels = 0;
  int64_t inD = 1, inH = 0, inW = 0;
  int64_t outD = 1, outH = 0, outW = 0;
  int64_t filterD = 1, filterH = 0, filterW = 0;
  int64_t strideD = 1, strideH = 1, strideW = 1;
  int64_t dilationD = 1, dilationH = 1, dilationW = 1;
  int64_t effD = 1, effH = 0, effW = 0;  // filter extent with dilation
  int64_t padFront = 0, padTop = 0, padLeft = 0;
  Shape outShape;
};

// x is [batch, height, width, channels]. Throws naming `op` for bad sizes or a negative output.
PoolInfo computePool2DInfo(const Shape& xShape, const std::vector<int64_t>& filter, const std::vector<int64_t>& strides,
                           const std::vector<int64_t>& dilations, const Padding& pad,
                           const std::string& roundingMode, const char* op);
// x is [batch, depth, height, width, channels]; pad is "same", "valid" or a number.
PoolInfo computePool3DInfo(const Shape& xShape, const std::vector<int64_t>& filter, const std::vector<int64_t>& strides,
                           const Padding& pad, const std::string& roundingMode, const char* op);

// TF.js's checkPadOnDimRoundingMode: a rounding mode needs a numeric or explicit pad.
void checkPadOnDimRoundingMode(const char* op, const Padding& pad, const std::string& roundingMode);

// Attrs {filterSize, strides, pad, dimRoundingMode} as TF.js names them. pad is stored as the
// string, the number, or the eight explicit values.
Attrs poolAttrs(const std::vector<int64_t>& filter, const std::vector<int64_t>& strides, const Padding& pad,
                const std::string& roundingMode);
Padding padFromAttrs(const Attrs& attrs);
std::string roundingFromAttrs(const Attrs& attrs);  // "" when absent

// The geometry a kernel computes from its x shape and attrs.
PoolInfo pool2DInfoFromAttrs(const Shape& xShape, const Attrs& attrs, const char* kernel);
PoolInfo pool3DInfoFromAttrs(const Shape& xShape, const Attrs& attrs, const char* kernel);

}  // namespace edgeflow::pooling
