// Adapters for tests/oracle/gen/cases/logical.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("equal", [](const Call& c) { return one(equal(c.in(0), c.in(1))); });
EF_ORACLE_OP("notEqual", [](const Call& c) { return one(notEqual(c.in(0), c.in(1))); });
EF_ORACLE_OP("less", [](const Call& c) { return one(less(c.in(0), c.in(1))); });
EF_ORACLE_OP("lessEqual", [](const Call& c) { return one(lessEqual(c.in(0), c.in(1))); });
EF_ORACLE_OP("greater", [](const Call& c) { return one(greater(c.in(0), c.in(1))); });
EF_ORACLE_OP("greaterEqual", [](const Call& c) { return one(greaterEqual(c.in(0), c.in(1))); });
EF_ORACLE_OP("logicalAnd", [](const Call& c) { return one(logicalAnd(c.in(0), c.in(1))); });
EF_ORACLE_OP("logicalOr", [](const Call& c) { return one(logicalOr(c.in(0), c.in(1))); });
EF_ORACLE_OP("logicalXor", [](const Call& c) { return one(logicalXor(c.in(0), c.in(1))); });
EF_ORACLE_OP("logicalNot", [](const Call& c) { return one(logicalNot(c.in(0))); });
EF_ORACLE_OP("where", [](const Call& c) { return one(where(c.in(0), c.in(1), c.in(2))); });

}  // namespace edgeflow::oracle
