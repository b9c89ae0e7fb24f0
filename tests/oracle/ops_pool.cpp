// Adapters for tests/oracle/gen/cases/pool.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

// A TF.js `number | number[]` attr.
std::vector<int64_t> numbers(const Call& c, const char* name) {
  const auto& a = c.attrs[name];
  return a.is_number() ? std::vector<int64_t>{a.get<int64_t>()} : a.get<std::vector<int64_t>>();
}
Int2 int2(const Call& c, const char* name, int64_t def = 1) {
  if (!c.has(name)) return Int2(def);
  auto v = numbers(c, name);
  return v.size() == 1 ? Int2(v[0]) : Int2(v.at(0), v.at(1));
}
Int3 int3(const Call& c, const char* name) {
  auto v = numbers(c, name);
  return v.size() == 1 ? Int3(v[0]) : Int3(v.at(0), v.at(1), v.at(2));
}
Padding padding(const Call& c) {
  const auto& p = c.attrs["pad"];
  if (p.is_string()) return Padding(p.get<std::string>());
  if (p.is_number()) return Padding(p.get<int64_t>());
  std::vector<std::pair<int64_t, int64_t>> pads;
  for (auto& pair : p) pads.emplace_back(pair.at(0).get<int64_t>(), pair.at(1).get<int64_t>());
  return Padding(pads);
}

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
