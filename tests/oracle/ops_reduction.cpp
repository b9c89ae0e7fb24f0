// Adapters for tests/oracle/gen/cases/reduction.mjs.
#include <cmath>

#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("mean", [](const Call& c) { return one(mean(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("max", [](const Call& c) { return one(max(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("min", [](const Call& c) { return one(min(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("prod", [](const Call& c) { return one(prod(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("all", [](const Call& c) { return one(all(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("any", [](const Call& c) { return one(any(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("logSumExp", [](const Call& c) { return one(logSumExp(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("argMax", [](const Call& c) { return one(argMax(c.in(0), c.i("axis"))); });
EF_ORACLE_OP("argMin", [](const Call& c) { return one(argMin(c.in(0), c.i("axis"))); });
EF_ORACLE_OP("moments", [](const Call& c) {
  auto m = moments(c.in(0), c.axes("axis"), c.b("keepDims"));
  return std::vector<Tensor>{m.mean, m.variance};
});
// ord arrives as a number, a name, or 'Infinity' / '-Infinity' (JSON has no infinities).
EF_ORACLE_OP("norm", [](const Call& c) {
  Axes axis = c.axes("axis");
  bool keep = c.b("keepDims");
  if (!c.has("ord")) return one(norm(c.in(0), "euclidean", axis, keep));
  if (c.attrs["ord"].is_number()) return one(norm(c.in(0), c.d("ord"), axis, keep));
  std::string ord = c.s("ord");
  if (ord == "Infinity") return one(norm(c.in(0), INFINITY, axis, keep));
  if (ord == "-Infinity") return one(norm(c.in(0), -INFINITY, axis, keep));
  return one(norm(c.in(0), ord, axis, keep));
});
EF_ORACLE_OP("euclideanNorm", [](const Call& c) {
  return one(euclideanNorm(c.in(0), c.axes("axis"), c.b("keepDims")));
});
EF_ORACLE_OP("cumsum", [](const Call& c) {
  return one(cumsum(c.in(0), c.i("axis"), c.b("exclusive"), c.b("reverse")));
});
EF_ORACLE_OP("cumprod", [](const Call& c) {
  return one(cumprod(c.in(0), c.i("axis"), c.b("exclusive"), c.b("reverse")));
});

}  // namespace edgeflow::oracle
