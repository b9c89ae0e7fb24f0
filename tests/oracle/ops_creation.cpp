// Adapters for tests/oracle/gen/cases/creation.mjs (eye, range, linspace: no tensor inputs).
#include <cmath>

#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

// A number attribute, also given as "NaN"/"Infinity"/"-Infinity" strings (JSON has no such numbers).
double number(const Call& c, const char* name, double def) {
  if (!c.has(name)) return def;
  const auto& v = c.attrs[name];
  if (!v.is_string()) return v.get<double>();
  auto s = v.get<std::string>();
  if (s == "NaN") return NAN;
  if (s == "Infinity") return INFINITY;
  if (s == "-Infinity") return -INFINITY;
  throw Error("oracle: bad number " + s);
}

}  // namespace

EF_ORACLE_OP("eye", [](const Call& c) {
  return one(eye(c.i("numRows"), c.i("numColumns", -1), c.ints("batchShape"), c.dtype("dtype")));
});
EF_ORACLE_OP("range", [](const Call& c) {
  return one(range(number(c, "start", 0), number(c, "stop", 0), number(c, "step", 1), c.dtype("dtype")));
});
EF_ORACLE_OP("linspace", [](const Call& c) {
  return one(linspace(number(c, "start", 0), number(c, "stop", 0), c.i("num")));
});

}  // namespace edgeflow::oracle
