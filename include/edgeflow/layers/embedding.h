// tf.layers.embedding: maps integer indices to dense vectors, [batch, ...] -> [batch, ..., outputDim].
#pragma once
#include <optional>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

struct EmbeddingLayerArgs {
  int64_t inputDim = 0;   // vocabulary size: indices are in [0, inputDim)
  int64_t outputDim = 0;  // size of each vector
  InitializerIdentifier embeddingsInitializer{};  // default "randomUniform"
  RegularizerIdentifier embeddingsRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  ConstraintIdentifier embeddingsConstraint{};
  std::optional<bool> maskZero{};  // masks are not propagated yet
  std::vector<int64_t> inputLength{};  // the input's shape after the batch dimension (-1 = any)
  EDGEFLOW_LAYER_ARGS
};
Layer embedding(EmbeddingLayerArgs args);

}  // namespace edgeflow::layers
