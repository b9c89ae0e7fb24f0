// Inputs shared by the benchmark programs. Values come from a fixed-seed generator so runs compare.
#pragma once
#include <random>
#include <vector>

#include "edgeflow/edgeflow.h"

namespace edgeflow::bench {

inline Tensor randomTensor(const Shape& shape, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1, 1);
  std::vector<float> v(static_cast<size_t>(sizeFromShape(shape)));
  for (auto& x : v) x = dist(gen);
  return tensor(v, shape);
}

inline double matMulFlops(double m, double n, double k) { return 2 * m * n * k; }

// Softmax over 10^6 elements as 1000 rows of 1000, and a [1000,1000] + [1000] broadcast add.
inline const Shape kElementwiseShape{1000, 1000};
inline const Shape kBroadcastRowShape{1000};
// Bytes each of those moves: read the input(s), write the output.
inline double softmaxBytes() { return 2.0 * 4 * 1e6; }
inline double broadcastAddBytes() { return 4 * (2.0 * 1e6 + 1e3); }

}  // namespace edgeflow::bench
