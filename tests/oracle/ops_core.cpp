// Adapters for tests/oracle/gen/cases/core.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("add", [](const Call& c) { return one(add(c.in(0), c.in(1))); });
EF_ORACLE_OP("sub", [](const Call& c) { return one(sub(c.in(0), c.in(1))); });
EF_ORACLE_OP("mul", [](const Call& c) { return one(mul(c.in(0), c.in(1))); });
EF_ORACLE_OP("neg", [](const Call& c) { return one(neg(c.in(0))); });
EF_ORACLE_OP("sum", [](const Call& c) { return one(sum(c.in(0), c.axes("axis"), c.b("keepDims"))); });
EF_ORACLE_OP("reshape", [](const Call& c) { return one(reshape(c.in(0), c.ints("shape"))); });
EF_ORACLE_OP("cast", [](const Call& c) { return one(cast(c.in(0), c.dtype("dtype"))); });
EF_ORACLE_OP("clone", [](const Call& c) { return one(clone(c.in(0))); });

}  // namespace edgeflow::oracle
