// TF.js's samplers (tfjs-core's rand_util): uniform and Marsaglia-polar Gaussian over Alea. Internal.
#pragma once
#include <cmath>
#include <string>

#include "edgeflow/kernel.h"
#include "ops/random/alea.h"

namespace edgeflow::random {

// min + (max - min) * u, u from Alea.
class UniformRandom {
 public:
  UniformRandom(double min, double max, const std::string& seed);
  double next();

 private:
  double min_, range_;
  Alea alea_;
};

// Normal samples from pairs of Alea draws (Marsaglia's polar method), the second of each pair
// kept for the next call. Truncated: a sample further than 2 stddev from the mean is redrawn.
// roundToInt: values are rounded half up (JS Math.round), as TF.js does for int dtypes.
class GaussRandom {
 public:
  GaussRandom(double mean, double stdDev, bool truncated, bool roundToInt, const std::string& seed);
  double next();

 private:
  bool valid(double v) const { return !truncated_ || (v <= upper_ && v >= lower_); }
  double convert(double v) const;

  double mean_, stdDev_;
  bool truncated_, roundToInt_;
  double upper_ = 0, lower_ = 0;
  double pending_;  // NaN when none
  Alea alea_;
};

// JS's Math.round: halves go up.
double jsRound(double v);

// Throws "<op>: ... shape comprised of non-negative integers ..." for a negative dimension.
void checkShape(const Shape& shape, const char* op);

// A tensor of the draws gen() in order, each stored as TF.js's typed arrays store a number:
// float32 rounds, int32 truncates and wraps, bool is draw != 0 after truncation to a byte.
template <class Gen>
Tensor sampleTensor(const Shape& shape, DType dtype, Gen&& gen) {
  Tensor t = makeTensor(shape, dtype);
  int64_t n = t.size();
  if (dtype == DType::float32) {
    float* p = t.mutableData<float>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<float>(gen());
  } else if (dtype == DType::int32) {
    int32_t* p = t.mutableData<int32_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = toInt32(gen());
  } else {
    uint8_t* p = t.mutableData<uint8_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = (toInt32(gen()) & 0xff) != 0;
  }
  return t;
}

}  // namespace edgeflow::random
