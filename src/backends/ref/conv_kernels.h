// The ref backend's convolutions as functions, for the fused kernels and the cpu backend's
// fallbacks (layouts or dtypes its fast paths do not cover). Internal.
#pragma once
#include <string>

#include "ops/conv/conv_util.h"

namespace edgeflow::ref {

// Conv2D / Conv3D forward. The output has x's dtype (TF.js's cpu kernels; an int32 output
// truncates after every step as an Int32Array would).
Tensor convForward(const Tensor& x, const Tensor& filter, const conv::ConvInfo& info);
// The input gradient (Conv2DBackpropInput / Conv3DBackpropInputV2), float32 of info.inShape.
Tensor convBackpropInput(const Tensor& dy, const Tensor& filter, const conv::ConvInfo& info);
// The filter gradient (Conv2DBackpropFilter / Conv3DBackpropFilterV2), float32 of info.filterShape.
Tensor convBackpropFilter(const Tensor& x, const Tensor& dy, const conv::ConvInfo& info);

// DepthwiseConv2dNative and its gradients (NHWC).
Tensor depthwiseForward(const Tensor& x, const Tensor& filter, const conv::ConvInfo& info);
Tensor depthwiseBackpropInput(const Tensor& dy, const Tensor& filter, const conv::ConvInfo& info);
Tensor depthwiseBackpropFilter(const Tensor& x, const Tensor& dy, const conv::ConvInfo& info);

// The fused kernels' epilogue, as TF.js's cpu backend computes it: y = activation(y + bias), each
// step rounded to float32; bias and alpha broadcast to y (a 1-D one of more than one element
// is aligned with the channels when channelsFirst, as TF.js's NCHW FusedConv2D does). Undefined
// tensors are skipped. Returns a new tensor (y is not modified).
Tensor biasActivation(const Tensor& y, const Tensor& bias, const std::string& activation, const Tensor& alpha,
                      double leakyreluAlpha, bool channelsFirst);
// One activation value in double (TF.js's cpu kernels compute each in a JS number); alpha is
// leakyrelu's or prelu's.
double activate(double v, conv::Activation activation, double alpha);

}  // namespace edgeflow::ref
