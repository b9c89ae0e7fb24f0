// tf.randomUniform: Alea draws scaled to [minval, maxval), as TF.js (no kernel there either).
#include "edgeflow/ops/random.h"
#include "ops/random/rand_util.h"

namespace edgeflow {

Tensor randomUniform(const Shape& shape, double minval, double maxval, DType dtype, Seed seed) {
  random::checkShape(shape, "randomUniform");
  if (dtype == DType::uint8) throw Error("randomUniform: dtype uint8 is not supported (use float32, int32 or bool)");
  // A null seed is fresh; any number, 0 included, is a seed (TF.js's UniformRandom tests for null).
  random::UniformRandom gen(minval, maxval, random::seedString(seed, false));
  return random::sampleTensor(shape, dtype, [&] { return gen.next(); });
}

}  // namespace edgeflow
