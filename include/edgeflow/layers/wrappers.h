// tf.layers wrappers: timeDistributed (applies a layer to every time step) and bidirectional
// (runs a recurrent layer forwards and backwards and merges the two).
//
//   auto bi = edgeflow::layers::bidirectional({.layer = edgeflow::layers::lstm({.units = 8}),
//                                              .mergeMode = "concat"});
//
// Weights are named as in TF.js: <wrapper>/<weight> for timeDistributed (the inner layer is built
// in the wrapper's scope) and <wrapper>/forward_<layer>/<weight>, .../backward_<layer>/<weight>.
#pragma once
#include <optional>
#include <string>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

struct WrapperLayerArgs {
  Layer layer{};
  EDGEFLOW_LAYER_ARGS
};
// Input [batch, time, ...]: the layer sees [batch, ...] once per time step.
Layer timeDistributed(WrapperLayerArgs args);

struct BidirectionalLayerArgs {
  Layer layer{};  // a recurrent layer (simpleRNN, gru, lstm)
  // "concat" (default), "sum", "mul" or "ave"; "none" keeps both outputs (Keras's merge_mode=None).
  std::string mergeMode = "concat";
  EDGEFLOW_LAYER_ARGS
};
Layer bidirectional(BidirectionalLayerArgs args);

}  // namespace edgeflow::layers
