// Inference-time folding of Conv2D / DepthwiseConv2D → BatchNormalization [→ ReLU or ReLU6]
// chains into one fused convolution: the normalisation folded into the weights and bias, the
// activation applied by the kernel's epilogue, as ONNX exporters do. Only for inference calls
// outside gradient tapes, and only where the intermediate tensors feed nothing else. Internal.
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "layers/inference_fold.h"
#include "layers/node.h"

namespace edgeflow {

// A chain whose output is computed from `input` by one fused convolution.
struct FoldedChain {
  std::shared_ptr<SymbolicTensorData> input;
  std::shared_ptr<LayerImpl> convLayer, batchNormLayer;
  layers_internal::BatchNormFoldableConv* conv = nullptr;
  layers_internal::BatchNormFoldSource* batchNorm = nullptr;
  std::string activation;  // linear, relu, relu6
};

// The chain ending at t, if t is a BatchNormalization or fusable activation output on top of a
// foldable convolution and the tensors in between are neither fetched nor used by other layers.
std::optional<FoldedChain> matchFoldedChain(const std::shared_ptr<SymbolicTensorData>& t,
                                            const std::set<const SymbolicTensorData*>& fetched);

// The chain's output for x, with the folded weights computed once and cached in the convolution
// layer (hidden from memory()) until any source variable is written; undefined if the weights
// cannot be folded (non-float32), for the caller to run the layers one by one.
Tensor runFoldedChain(const FoldedChain& chain, const Tensor& x);

}  // namespace edgeflow
