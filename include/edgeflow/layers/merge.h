// tf.layers merge layers: add, multiply, average, maximum, minimum, concatenate, dot.
// They take a list of inputs of compatible shapes:
//   auto sum = edgeflow::layers::add().apply({a, b});
// Inputs of different ranks are broadcast after expanding the smaller ones at axis 1 (as Keras).
#pragma once
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

struct MergeLayerArgs {
  EDGEFLOW_LAYER_ARGS
};
Layer add(MergeLayerArgs args = {});
Layer multiply(MergeLayerArgs args = {});
Layer average(MergeLayerArgs args = {});
Layer maximum(MergeLayerArgs args = {});
Layer minimum(MergeLayerArgs args = {});

struct ConcatenateLayerArgs {
  int axis = -1;  // as TF.js, every negative axis concatenates along the last one
  EDGEFLOW_LAYER_ARGS
};
Layer concatenate(ConcatenateLayerArgs args = {});

// Dot products between samples of two inputs (rank 2 or 3) along the given axes.
struct DotLayerArgs {
  std::vector<int> axes{};  // one axis for both inputs, or one per input
  bool normalize = false;   // L2-normalise along the axes first (cosine proximity)
  EDGEFLOW_LAYER_ARGS
};
Layer dot(DotLayerArgs args);

}  // namespace edgeflow::layers
