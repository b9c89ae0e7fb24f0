// Adapters for tests/oracle/gen/cases/selection.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("topk", [](const Call& c) {
  auto r = topk(c.in(0), c.i("k", 1), c.b("sorted", true));
  return std::vector<Tensor>{r.values, r.indices};
});
EF_ORACLE_OP("unique", [](const Call& c) {
  auto r = unique(c.in(0), c.i("axis"));
  return std::vector<Tensor>{r.values, r.indices};
});
EF_ORACLE_OP("oneHot", [](const Call& c) {
  return one(oneHot(c.in(0), c.i("depth"), c.d("onValue", 1), c.d("offValue", 0), c.dtype("dtype", DType::int32)));
});

}  // namespace edgeflow::oracle
