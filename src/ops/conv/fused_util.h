// Shared by the fused ops (TF.js's fused_util): argument checks of bias and PReLU weights, the
// kernels' extra inputs, and the gradients through bias and activation. Internal.
#pragma once
#include <functional>
#include <string>

#include "ops/conv/conv_util.h"

namespace edgeflow::conv {

// The bias and PReLU weights among a fused kernel's inputs [x, filter, bias?, weights?].
struct FusedExtras {
  Tensor bias, alpha;
};
FusedExtras fusedExtras(const std::vector<Tensor>& inputs, Activation activation);
// Appends the defined extras to a kernel's inputs and the fused attributes to attrs.
void addFusedInputs(std::vector<Tensor>& inputs, Attrs& attrs, const Tensor& bias, const Tensor& alpha,
                    const std::string& activation, double leakyreluAlpha);

// A 1-D tensor of more than one element as [n, 1, 1] when channelsFirst (aligned with NCHW's
// channels), else unchanged.
Tensor alignToChannels(const Tensor& t, bool channelsFirst);

// Throws (naming op) unless `prelu` weights are given exactly when the activation is prelu.
void checkPreluWeights(const char* op, Activation activation, const Tensor& weights);

// The gradient of activation(z) for dy, given y = activation(z); preactivation() recomputes z for
// the activations whose derivative y does not determine. alpha: the PReLU weights as the kernel
// broadcast them (aligned). Returns dz and, for prelu, the gradient of alpha (else undefined).
struct ActivationGrad {
  Tensor dz, dalpha;
};
ActivationGrad activationGrad(const Tensor& dy, const Tensor& y, Activation activation, const Tensor& alpha,
                              double leakyreluAlpha, const std::function<Tensor()>& preactivation);

// The gradient of a bias (or PReLU weights) broadcast, possibly channel-aligned, onto dz.
Tensor broadcastGrad(const Tensor& g, const Tensor& param, bool channelsFirst);

}  // namespace edgeflow::conv
