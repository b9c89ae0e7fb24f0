// tf.layers noise layers: gaussianNoise, gaussianDropout, alphaDropout. They change their input
// only while training (fit), and are the identity at inference.
#pragma once
#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

// Adds zero-centred gaussian noise of standard deviation stddev.
struct GaussianNoiseLayerArgs {
  double stddev = 0;
  EDGEFLOW_LAYER_ARGS
};
Layer gaussianNoise(GaussianNoiseLayerArgs args);

// Multiplies by gaussian noise of mean 1 and standard deviation sqrt(rate / (1 - rate)).
struct GaussianDropoutLayerArgs {
  double rate = 0;
  EDGEFLOW_LAYER_ARGS
};
Layer gaussianDropout(GaussianDropoutLayerArgs args);

// Dropout that keeps the mean and variance of self-normalising (selu) inputs.
struct AlphaDropoutLayerArgs {
  double rate = 0;
  Shape noiseShape{};  // empty = the input's shape
  EDGEFLOW_LAYER_ARGS
};
Layer alphaDropout(AlphaDropoutLayerArgs args);

}  // namespace edgeflow::layers
