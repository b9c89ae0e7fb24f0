// A tensor's values as doubles, for comparing with expected lists in tests; seeded test tensors.
#pragma once
#include <cstdint>
#include <vector>

#include "edgeflow/edgeflow.h"

namespace edgeflow_test {

inline std::vector<double> dataOf(const edgeflow::Tensor& t) { return t.dataSync<double>(); }

// Values in [-1, 1) (float32) or spread int32s, from a small LCG: the same on every platform.
inline edgeflow::Tensor randomTensor(const edgeflow::Shape& shape, uint32_t seed,
                                     edgeflow::DType dtype = edgeflow::DType::float32) {
  std::vector<double> v(static_cast<size_t>(edgeflow::sizeFromShape(shape)));
  for (auto& x : v) {
    seed = seed * 1664525u + 1013904223u;
    x = dtype == edgeflow::DType::int32 ? static_cast<double>(static_cast<int32_t>(seed) >> 8) : (seed >> 8) / 8388608.0 - 1;
  }
  return edgeflow::tensor(v, shape, dtype);
}

}  // namespace edgeflow_test
