// Adapters for tests/oracle/gen/cases/random.mjs (seeded random ops).
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

Seed seedOf(const Call& c) { return c.has("seed") ? Seed(c.d("seed")) : std::nullopt; }

}  // namespace

EF_ORACLE_OP("randomUniform", [](const Call& c) {
  return one(randomUniform(c.ints("shape"), c.d("minval", 0), c.d("maxval", 1), c.dtype("dtype"), seedOf(c)));
});
EF_ORACLE_OP("randomNormal", [](const Call& c) {
  return one(randomNormal(c.ints("shape"), c.d("mean", 0), c.d("stdDev", 1), c.dtype("dtype"), seedOf(c)));
});
EF_ORACLE_OP("truncatedNormal", [](const Call& c) {
  return one(truncatedNormal(c.ints("shape"), c.d("mean", 0), c.d("stdDev", 1), c.dtype("dtype"), seedOf(c)));
});
EF_ORACLE_OP("randomStandardNormal", [](const Call& c) {
  return one(randomStandardNormal(c.ints("shape"), c.dtype("dtype"), seedOf(c)));
});
EF_ORACLE_OP("multinomial", [](const Call& c) {
  return one(multinomial(c.in(0), c.i("numSamples"), seedOf(c), c.b("normalized")));
});

}  // namespace edgeflow::oracle
