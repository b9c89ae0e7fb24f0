// tf.layers.batchNormalization and tf.layers.layerNormalization.
#pragma once
#include <optional>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

// Normalises along every axis but `axis` with the batch's moments while training (updating the
// moving mean and variance by `momentum`) and with the moving ones at inference.
struct BatchNormalizationLayerArgs {
  int axis = -1;          // the features axis
  double momentum = 0.99;
  double epsilon = 1e-3;
  bool center = true;     // add beta
  bool scale = true;      // multiply by gamma
  InitializerIdentifier betaInitializer{};            // default "zeros"
  InitializerIdentifier gammaInitializer{};           // default "ones"
  InitializerIdentifier movingMeanInitializer{};      // default "zeros"
  InitializerIdentifier movingVarianceInitializer{};  // default "ones"
  ConstraintIdentifier betaConstraint{};
  ConstraintIdentifier gammaConstraint{};
  RegularizerIdentifier betaRegularizer{};
  RegularizerIdentifier gammaRegularizer{};
  EDGEFLOW_LAYER_ARGS
};
Layer batchNormalization(BatchNormalizationLayerArgs args = {});

// Normalises each example over `axis` (default the last) with its own moments.
struct LayerNormalizationLayerArgs {
  std::vector<int> axis{};  // empty = -1
  double epsilon = 1e-3;
  bool center = true;
  bool scale = true;
  InitializerIdentifier betaInitializer{};   // default "zeros"
  InitializerIdentifier gammaInitializer{};  // default "ones"
  RegularizerIdentifier betaRegularizer{};
  RegularizerIdentifier gammaRegularizer{};
  EDGEFLOW_LAYER_ARGS
};
Layer layerNormalization(LayerNormalizationLayerArgs args = {});

}  // namespace edgeflow::layers
