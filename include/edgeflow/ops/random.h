// Random tensors. With a seed the values are reproducible (and follow TF.js's generators).
#pragma once
#include <optional>

#include "edgeflow/tensor.h"

namespace edgeflow {

using Seed = std::optional<double>;

Tensor randomUniform(const Shape& shape, double minval = 0, double maxval = 1,
                     DType dtype = DType::float32, Seed seed = std::nullopt);
Tensor randomNormal(const Shape& shape, double mean = 0, double stdDev = 1,
                    DType dtype = DType::float32, Seed seed = std::nullopt);
Tensor truncatedNormal(const Shape& shape, double mean = 0, double stdDev = 1,
                       DType dtype = DType::float32, Seed seed = std::nullopt);
Tensor randomStandardNormal(const Shape& shape, DType dtype = DType::float32, Seed seed = std::nullopt);
// Samples class indices (int32 [batch, numSamples]) from logits or, if normalized, probabilities.
Tensor multinomial(const Tensor& logits, int64_t numSamples, Seed seed = std::nullopt, bool normalized = false);

}  // namespace edgeflow
