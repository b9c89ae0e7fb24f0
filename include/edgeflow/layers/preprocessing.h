// tf.layers factories for image preprocessing: rescaling, resizing, centerCrop.
#pragma once
#include <string>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

// output = cast(input, float32) * scale + offset.
struct RescalingLayerArgs {
  double scale = 1;
  double offset = 0;
  EDGEFLOW_LAYER_ARGS
};
Layer rescaling(RescalingLayerArgs args);

// Resizes [batch, h, w, c] (or one [h, w, c] image) to height x width. As TF.js, the resize uses
// alignCorners = !cropToAspectRatio (no crop is made).
struct ResizingLayerArgs {
  int64_t height = 0;
  int64_t width = 0;
  std::string interpolation{};  // "bilinear" (default) | "nearest"
  bool cropToAspectRatio = false;
  EDGEFLOW_LAYER_ARGS
};
Layer resizing(ResizingLayerArgs args);

// Crops the centre height x width (upsizes bilinearly when the input is smaller), as TF.js.
struct CenterCropLayerArgs {
  int64_t height = 0;
  int64_t width = 0;
  EDGEFLOW_LAYER_ARGS
};
Layer centerCrop(CenterCropLayerArgs args);

}  // namespace edgeflow::layers
