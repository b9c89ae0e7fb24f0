// tf.layers factories for pooling: maxPooling1d/2d/3d, averagePooling1d/2d/3d and the global
// poolings (globalAveragePooling1d/2d, globalMaxPooling1d/2d).
#pragma once
#include <string>

#include "edgeflow/layers/conv.h"  // SizeArg

namespace edgeflow::layers {

struct PoolingLayerArgs {
  SizeArg poolSize{};        // default 2 in every dimension
  SizeArg strides{};         // default poolSize
  std::string padding{};     // "valid" (default) | "same"
  std::string dataFormat{};  // 2-D and 3-D: "channelsLast" (default) | "channelsFirst"
  EDGEFLOW_LAYER_ARGS
};
Layer maxPooling1d(PoolingLayerArgs args = {});
Layer maxPooling2d(PoolingLayerArgs args = {});
Layer maxPooling3d(PoolingLayerArgs args = {});
Layer averagePooling1d(PoolingLayerArgs args = {});
Layer averagePooling2d(PoolingLayerArgs args = {});
Layer averagePooling3d(PoolingLayerArgs args = {});

struct GlobalPoolingLayerArgs {
  std::string dataFormat{};  // 2-D only
  EDGEFLOW_LAYER_ARGS
};
Layer globalAveragePooling1d(GlobalPoolingLayerArgs args = {});
Layer globalMaxPooling1d(GlobalPoolingLayerArgs args = {});
Layer globalAveragePooling2d(GlobalPoolingLayerArgs args = {});
Layer globalMaxPooling2d(GlobalPoolingLayerArgs args = {});

}  // namespace edgeflow::layers
