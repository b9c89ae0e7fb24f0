// What the executor needs from layers to fold Conv → BatchNormalization → ReLU chains at inference
// (src/models/inference_fold.cpp): each layer kind tells whether its current configuration allows
// it, and the convolution runs with folded weights. Internal.
#pragma once
#include <optional>
#include <string>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers_internal {

// A BatchNormalization layer's inference parameters (undefined variables: center or scale off).
struct BatchNormParams {
  int axis;  // as configured, may be negative
  double epsilon;
  LayerVariable gamma, beta, movingMean, movingVariance;
};
class BatchNormFoldSource {
 public:
  virtual ~BatchNormFoldSource() = default;
  virtual BatchNormParams batchNormParams() const = 0;
};

// An activation layer a fused convolution can apply itself: "relu" or "relu6", or "" if not.
class FusableActivationLayer {
 public:
  virtual ~FusableActivationLayer() = default;
  virtual std::string fusedActivation() const = 0;
};

// A convolution whose output channels can absorb a per-channel scale and shift: its kernel's last
// axis (flattened with the one before for depthwise) is the output channel.
class BatchNormFoldableConv {
 public:
  virtual ~BatchNormFoldableConv() = default;
  // The output's channel axis for an input of this rank, if folding is possible (linear activation).
  virtual std::optional<int> foldableChannelAxis(int rank) const = 0;
  virtual const LayerVariable& foldKernel() const = 0;
  virtual const LayerVariable& foldBias() const = 0;  // undefined without bias
  // The layer's computation with filter and bias in place of its weights, then the activation.
  virtual Tensor callFused(const Tensor& x, const Tensor& filter, const Tensor& bias, const std::string& activation) = 0;

  // Folded weights cached by the executor, freed with the layer (or on its dispose).
  std::shared_ptr<void> foldCache;
};

}  // namespace edgeflow::layers_internal
