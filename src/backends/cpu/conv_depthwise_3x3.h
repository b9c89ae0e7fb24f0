// The cpu backend's depthwise 3×3 forward for a channel multiplier of one without dilation (NHWC),
// MobileNet's case: per output row and block of channels the nine filter vectors stay in registers
// while a few output pixels at a time accumulate their taps (independent sums), and the bias and
// clamp are applied before the store. Internal.
#pragma once
#include "backends/cpu/gemm.h"
#include "ops/conv/conv_util.h"

namespace edgeflow::cpu::conv {

using edgeflow::conv::ConvInfo;

// Whether depthwise3x3Rows handles c (channel counts in whole 4-float vectors, column stride 1 or 2).
bool depthwise3x3Applies(const ConvInfo& c);
// Output rows [r0, r1) of batch × outH; ep: the bias and clamp, or null.
void depthwise3x3Rows(const ConvInfo& c, const float* x, const float* w, float* y, const GemmEpilogue* ep, int64_t r0,
                      int64_t r1);

}  // namespace edgeflow::cpu::conv
