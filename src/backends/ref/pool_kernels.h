// The reference pooling kernels the cpu backend falls back to. Internal.
#pragma once
#include "edgeflow/kernel.h"

namespace edgeflow::ref {

std::vector<Tensor> maxPoolKernel(const KernelContext& c);
std::vector<Tensor> avgPoolKernel(const KernelContext& c);
std::vector<Tensor> maxPoolGradKernel(const KernelContext& c);
std::vector<Tensor> avgPoolGradKernel(const KernelContext& c);

}  // namespace edgeflow::ref
