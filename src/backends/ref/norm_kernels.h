// The reference FusedBatchNorm kernel the cpu backend falls back to. Internal.
#pragma once
#include "edgeflow/kernel.h"

namespace edgeflow::ref {

std::vector<Tensor> batchNormKernel(const KernelContext& c);

}  // namespace edgeflow::ref
