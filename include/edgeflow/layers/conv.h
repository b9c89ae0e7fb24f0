// tf.layers factories for the convolutional layers: conv1d, conv2d, conv3d, conv2dTranspose,
// conv3dTranspose, depthwiseConv2d, separableConv2d, and the spatial reshaping layers
// zeroPadding2d, cropping2D, upSampling2d, and convLstm2d.
//
//   model.add(edgeflow::layers::conv2d({.filters = 8, .kernelSize = 3, .activation = "relu",
//                                       .inputShape = {28, 28, 1}}));
//
// Weights are named and shaped as in TF.js: kernel [k..., inChannels, filters] (transposed
// convolutions: [k..., filters, inChannels]), bias [filters], depthwise_kernel
// [kh, kw, inChannels, depthMultiplier], pointwise_kernel [1, 1, inChannels * depthMultiplier, filters].
#pragma once
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

// A size given as one number for every spatial dimension or one per dimension (TF.js's
// `number | number[]`): `3` or `{3, 2}`. Empty = not given.
struct SizeArg {
  std::vector<int64_t> values;
  SizeArg() = default;
  SizeArg(int v) : values{v} {}
  SizeArg(int64_t v) : values{v} {}
  SizeArg(std::initializer_list<int64_t> v) : values(v) {}
  SizeArg(std::vector<int64_t> v) : values(std::move(v)) {}
  bool empty() const { return values.empty(); }
};

// Conv1D / Conv2D / Conv3D and their transposes (which ignore dilationRate).
struct ConvLayerArgs {
  int64_t filters = 0;
  SizeArg kernelSize{};
  SizeArg strides{};          // default 1
  std::string padding{};      // "valid" (default), "same" ("causal" is rejected when called, as in TF.js)
  std::string dataFormat{};   // "channelsLast" (default) | "channelsFirst"
  SizeArg dilationRate{};     // default 1
  std::string activation{};   // default linear
  std::optional<bool> useBias{};
  InitializerIdentifier kernelInitializer{};  // default "glorotNormal"
  InitializerIdentifier biasInitializer{};    // default "zeros"
  ConstraintIdentifier kernelConstraint{};
  ConstraintIdentifier biasConstraint{};
  RegularizerIdentifier kernelRegularizer{};
  RegularizerIdentifier biasRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  EDGEFLOW_LAYER_ARGS
};
Layer conv1d(ConvLayerArgs args);
Layer conv2d(ConvLayerArgs args);
Layer conv3d(ConvLayerArgs args);
Layer conv2dTranspose(ConvLayerArgs args);
Layer conv3dTranspose(ConvLayerArgs args);

struct DepthwiseConv2DLayerArgs {
  SizeArg kernelSize{};
  int64_t depthMultiplier = 1;
  SizeArg strides{};
  std::string padding{};
  std::string dataFormat{};
  SizeArg dilationRate{};
  std::string activation{};
  std::optional<bool> useBias{};
  InitializerIdentifier depthwiseInitializer{};  // default "glorotNormal"
  InitializerIdentifier biasInitializer{};
  ConstraintIdentifier depthwiseConstraint{};
  ConstraintIdentifier biasConstraint{};
  RegularizerIdentifier depthwiseRegularizer{};
  RegularizerIdentifier biasRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  EDGEFLOW_LAYER_ARGS
};
Layer depthwiseConv2d(DepthwiseConv2DLayerArgs args);

// Note: as in TF.js, the pointwise kernel is initialised with depthwiseInitializer when that is
// given (pointwiseInitializer is then only kept in the config).
struct SeparableConvLayerArgs {
  int64_t filters = 0;
  SizeArg kernelSize{};
  SizeArg strides{};
  std::string padding{};  // "valid" | "same"
  std::string dataFormat{};
  SizeArg dilationRate{};
  int64_t depthMultiplier = 1;
  std::string activation{};
  std::optional<bool> useBias{};
  InitializerIdentifier depthwiseInitializer{};  // default "glorotUniform"
  InitializerIdentifier pointwiseInitializer{};  // default "glorotUniform"
  InitializerIdentifier biasInitializer{};
  RegularizerIdentifier depthwiseRegularizer{};
  RegularizerIdentifier pointwiseRegularizer{};
  RegularizerIdentifier biasRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  ConstraintIdentifier depthwiseConstraint{};
  ConstraintIdentifier pointwiseConstraint{};
  ConstraintIdentifier biasConstraint{};
  EDGEFLOW_LAYER_ARGS
};
Layer separableConv2d(SeparableConvLayerArgs args);

// Pads height and width with zeros: padding {{top, bottom}, {left, right}}; default 1 everywhere.
struct ZeroPadding2DLayerArgs {
  std::vector<std::pair<int64_t, int64_t>> padding{};  // empty = 1; one pair = {h, w} symmetric
  std::string dataFormat{};
  EDGEFLOW_LAYER_ARGS
};
Layer zeroPadding2d(ZeroPadding2DLayerArgs args = {});

// Crops height and width: cropping {{top, bottom}, {left, right}}.
struct Cropping2DLayerArgs {
  std::vector<std::pair<int64_t, int64_t>> cropping{};
  std::string dataFormat{};
  EDGEFLOW_LAYER_ARGS
};
Layer cropping2D(Cropping2DLayerArgs args);

// Repeats rows and columns: size {rows, cols} (default {2, 2}); interpolation "nearest" | "bilinear".
struct UpSampling2DLayerArgs {
  std::vector<int64_t> size{};
  std::string dataFormat{};
  std::string interpolation{};
  EDGEFLOW_LAYER_ARGS
};
Layer upSampling2d(UpSampling2DLayerArgs args = {});

// ConvLSTM2D: an LSTM whose input and recurrent transforms are 2-D convolutions. Input
// [batch, time, rows, cols, channels] (channelsFirst: [batch, time, channels, rows, cols]); output
// the last step's [batch, rows', cols', filters], every step's with returnSequences, and the final
// h and c after it with returnState (use applyMulti). Weights kernel [kh, kw, channels, 4 filters],
// recurrent_kernel [kh, kw, filters, 4 filters], bias [4 filters] (gates i, f, c, o).
struct ConvLSTM2DLayerArgs {
  int64_t filters = 0;
  SizeArg kernelSize{};
  SizeArg strides{};
  std::string padding{};
  std::string dataFormat{};
  SizeArg dilationRate{};
  std::optional<std::string> activation{};           // default "tanh"
  std::optional<std::string> recurrentActivation{};  // default "hardSigmoid"
  std::optional<bool> useBias{};
  InitializerIdentifier kernelInitializer{};     // default "glorotNormal"
  InitializerIdentifier recurrentInitializer{};  // default "orthogonal"
  InitializerIdentifier biasInitializer{};       // default "zeros"
  std::optional<bool> unitForgetBias{};
  RegularizerIdentifier kernelRegularizer{};
  RegularizerIdentifier recurrentRegularizer{};
  RegularizerIdentifier biasRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  ConstraintIdentifier kernelConstraint{};
  ConstraintIdentifier recurrentConstraint{};
  ConstraintIdentifier biasConstraint{};
  double dropout = 0;
  double recurrentDropout = 0;
  std::optional<int> implementation{};
  bool returnSequences = false;
  bool returnState = false;
  bool goBackwards = false;
  bool stateful = false;  // not supported (throws)
  bool unroll = false;    // TF.js: not possible with convolutional RNNs (throws)
  EDGEFLOW_LAYER_ARGS
};
Layer convLstm2d(ConvLSTM2DLayerArgs args);

}  // namespace edgeflow::layers
