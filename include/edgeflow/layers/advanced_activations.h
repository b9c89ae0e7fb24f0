// tf.layers advanced activations: reLU, leakyReLU, prelu, elu, thresholdedReLU, softmax.
#pragma once
#include <optional>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

// relu(x), clipped to maxValue if given.
struct ReLULayerArgs {
  std::optional<double> maxValue{};
  EDGEFLOW_LAYER_ARGS
};
Layer reLU(ReLULayerArgs args = {});

// x for x > 0, alpha * x otherwise.
struct LeakyReLULayerArgs {
  std::optional<double> alpha{};  // default 0.3
  EDGEFLOW_LAYER_ARGS
};
Layer leakyReLU(LeakyReLULayerArgs args = {});

// Leaky ReLU with a learned alpha per input element (shared along sharedAxes).
struct PReLULayerArgs {
  InitializerIdentifier alphaInitializer{};  // default "zeros"
  RegularizerIdentifier alphaRegularizer{};
  ConstraintIdentifier alphaConstraint{};
  std::vector<int> sharedAxes{};  // axes (1 = the first after the batch) where alpha has size 1
  EDGEFLOW_LAYER_ARGS
};
Layer prelu(PReLULayerArgs args = {});

// elu(x); TF.js supports only alpha = 1 (others throw).
struct ELULayerArgs {
  std::optional<double> alpha{};
  EDGEFLOW_LAYER_ARGS
};
Layer elu(ELULayerArgs args = {});

// x where x > theta, else 0.
struct ThresholdedReLULayerArgs {
  std::optional<double> theta{};  // default 1
  EDGEFLOW_LAYER_ARGS
};
Layer thresholdedReLU(ThresholdedReLULayerArgs args = {});

// softmax along axis (default 1; several axes normalise over all of them).
struct SoftmaxLayerArgs {
  std::vector<int> axis{};  // empty = 1
  EDGEFLOW_LAYER_ARGS
};
Layer softmax(SoftmaxLayerArgs args = {});

}  // namespace edgeflow::layers
