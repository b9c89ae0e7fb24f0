// tf.randomNormal, tf.truncatedNormal, tf.randomStandardNormal: TF.js's Marsaglia-polar sampler
// (no kernels, as in TF.js). int32 samples are rounded half up.
#include <cmath>

#include "edgeflow/ops/random.h"
#include "ops/random/rand_util.h"

namespace edgeflow {
namespace {

Tensor gaussian(const char* op, const Shape& shape, double mean, double stdDev, DType dtype, Seed seed,
                bool truncated) {
  random::checkShape(shape, op);
  if (dtype != DType::float32 && dtype != DType::int32)
    throw Error(std::string(op) + ": unsupported data type " + dtypeName(dtype) + " (use float32 or int32)");
  // TF.js would loop forever here: no sample can fall within the 2-stddev window.
  if (truncated && !(std::isfinite(mean) && std::isfinite(stdDev) && stdDev >= 0))
    throw Error(std::string(op) + ": mean and stdDev must be finite and stdDev non-negative, got mean " +
                std::to_string(mean) + ", stdDev " + std::to_string(stdDev));
  // TF.js's MPRandGauss treats a seed of 0 as no seed.
  random::GaussRandom gen(mean, stdDev, truncated, dtype == DType::int32, random::seedString(seed, true));
  return random::sampleTensor(shape, dtype, [&] { return gen.next(); });
}

}  // namespace

Tensor randomNormal(const Shape& shape, double mean, double stdDev, DType dtype, Seed seed) {
  return gaussian("randomNormal", shape, mean, stdDev, dtype, seed, false);
}

Tensor truncatedNormal(const Shape& shape, double mean, double stdDev, DType dtype, Seed seed) {
  return gaussian("truncatedNormal", shape, mean, stdDev, dtype, seed, true);
}

Tensor randomStandardNormal(const Shape& shape, DType dtype, Seed seed) {
  return gaussian("randomStandardNormal", shape, 0, 1, dtype, seed, false);
}

}  // namespace edgeflow
