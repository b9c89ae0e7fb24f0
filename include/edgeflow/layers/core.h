// tf.layers factories for the core layers: inputLayer, dense, activation, flatten, dropout, reshape.
//
//   auto model = edgeflow::sequential();
//   model.add(edgeflow::layers::dense({.units = 16, .activation = "relu", .inputShape = {4}}));
//
// Fields of the args structs follow TF.js's order (designated initializers must keep it): the
// layer's own fields first, then the common ones (inputShape, batchInputShape, batchSize, dtype,
// name, trainable, weights, inputDType).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

using edgeflow::Layer;

struct InputLayerArgs {
  Shape inputShape{};
  Shape batchInputShape{};
  std::optional<int64_t> batchSize{};
  std::optional<DType> dtype{};
  bool sparse = false;
  std::string name{};
};
Layer inputLayer(InputLayerArgs args);

// output = activation(dot(input, kernel) + bias)
struct DenseLayerArgs {
  int64_t units = 0;
  std::string activation{};  // default linear
  std::optional<bool> useBias{};
  InitializerIdentifier kernelInitializer{};  // default "glorotNormal"
  InitializerIdentifier biasInitializer{};    // default "zeros"
  std::optional<int64_t> inputDim{};          // same as inputShape = {inputDim}
  ConstraintIdentifier kernelConstraint{};
  ConstraintIdentifier biasConstraint{};
  RegularizerIdentifier kernelRegularizer{};
  RegularizerIdentifier biasRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  EDGEFLOW_LAYER_ARGS
};
Layer dense(DenseLayerArgs args);

struct ActivationLayerArgs {
  std::string activation{};
  EDGEFLOW_LAYER_ARGS
};
Layer activation(ActivationLayerArgs args);

// Flattens every example to 1-d: [batch, d1, d2, ...] -> [batch, d1*d2*...].
struct FlattenLayerArgs {
  std::string dataFormat{};// "channelsLast" (default) | "channelsFirst"
  EDGEFLOW_LAYER_ARGS
};
Layer flatten(FlattenLayerArgs args = {});

// While training, zeroes a fraction `rate` of the inputs and scales the rest by 1 / (1 - rate).
struct DropoutLayerArgs {
  double rate = 0;
  Shape noiseShape{};  // empty = the input's shape; -1 entries take the input's size
  Seed seed{};
  EDGEFLOW_LAYER_ARGS
};
Layer dropout(DropoutLayerArgs args);

// Reshapes every example to targetShape (one entry may be -1, inferred).
struct ReshapeLayerArgs {
  Shape targetShape{};
  EDGEFLOW_LAYER_ARGS
};
Layer reshape(ReshapeLayerArgs args);

// Reorders the dimensions after the batch: dims is a permutation of 1..rank-1.
struct PermuteLayerArgs {
  std::vector<int64_t> dims{};
  EDGEFLOW_LAYER_ARGS
};
Layer permute(PermuteLayerArgs args);

// Repeats a [batch, features] input n times: [batch, n, features].
struct RepeatVectorLayerArgs {
  int64_t n = 0;
  EDGEFLOW_LAYER_ARGS
};
Layer repeatVector(RepeatVectorLayerArgs args);

// Zeroes the time steps whose features all equal maskValue (masks are not propagated yet).
struct MaskingLayerArgs {
  double maskValue = 0;
  EDGEFLOW_LAYER_ARGS
};
Layer masking(MaskingLayerArgs args = {});

// Dropout of whole feature channels of a [batch, steps, features] input, while training.
struct SpatialDropout1DLayerArgs {
  double rate = 0;
  Seed seed{};
  EDGEFLOW_LAYER_ARGS
};
Layer spatialDropout1d(SpatialDropout1DLayerArgs args);

// Serialisation: {"className": "Dense", "config": {...}} -> a new layer (tf.layers.deserialize
// semantics). Layer classes register a fromConfig function under their class name.
Layer deserialize(const ConfigDict& config);
ConfigDict serialize(const Layer& layer);
using LayerFromConfig = std::function<Layer(const ConfigDict& config)>;
void registerLayerClass(const std::string& className, LayerFromConfig fromConfig);

}  // namespace edgeflow::layers
