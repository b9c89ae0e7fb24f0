// Adapters for tests/oracle/gen/cases/pool.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

EF_ORACLE_OP("maxPool", [](const Call& c) {
  return one(maxPool(c.in(0), int2(c, "filterSize"), int2(c, "strides"), padding(c), c.s("dimRoundingMode")));
});
EF_ORACLE_OP("avgPool", [](const Call& c) {
  return one(avgPool(c.in(0), int2(c, "filterSize"), int2(c, "strides"), padding(c), c.s("dimRoundingMode")));
});
EF_ORACLE_OP("maxPool3d", [](const Call& c) {
  return one(maxPool3d(c.in(0), int3(c, "filterSize"), int3(c, "strides"), padding(c), c.s("dimRoundingMode"),
                       c.s("dataFormat", "NDHWC")));
});
EF_ORACLE_OP("avgPool3d", [](const Call& c) {
  return one(avgPool3d(c.in(0), int3(c, "filterSize"), int3(c, "strides"), padding(c), c.s("dimRoundingMode"),
                       c.s("dataFormat", "NDHWC")));
});
EF_ORACLE_OP("maxPoolWithArgmax", [](const Call& c) {
  auto r = maxPoolWithArgmax(c.in(0), int2(c, "filterSize"), int2(c, "strides"), padding(c), c.b("includeBatchInIndex"));
  return std::vector<Tensor>{r.result, r.indexes};
});
EF_ORACLE_OP("pool", [](const Call& c) {
  return one(pool(c.in(0), int2(c, "windowShape"), c.s("poolingType"), padding(c), int2(c, "dilations"),
                  int2(c, "strides"), c.s("dimRoundingMode")));
});
EF_ORACLE_OP("maxPool1d", [](const Call& c) {
  return one(maxPool1d(c.in(0), c.i("poolSize"), c.i("stride"), c.s("pad")));
});
EF_ORACLE_OP("avgPool1d", [](const Call& c) {
  return one(avgPool1d(c.in(0), c.i("poolSize"), c.i("stride"), c.s("pad")));
});

}  // namespace
}  // namespace edgeflow::oracle
