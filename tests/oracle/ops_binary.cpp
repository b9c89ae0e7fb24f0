// Adapters for tests/oracle/gen/cases/binary.mjs (add/sub/mul adapters are in ops_core.cpp).
#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("addN", [](const Call& c) { return one(addN(c.inputs)); });
EF_ORACLE_OP("div", [](const Call& c) { return one(div(c.in(0), c.in(1))); });
EF_ORACLE_OP("divNoNan", [](const Call& c) { return one(divNoNan(c.in(0), c.in(1))); });
EF_ORACLE_OP("floorDiv", [](const Call& c) { return one(floorDiv(c.in(0), c.in(1))); });
EF_ORACLE_OP("floorDivAsFloat", [](const Call& c) { return one(cast(floorDiv(c.in(0), c.in(1)), DType::float32)); });
EF_ORACLE_OP("mod", [](const Call& c) { return one(mod(c.in(0), c.in(1))); });
EF_ORACLE_OP("pow", [](const Call& c) { return one(pow(c.in(0), c.in(1))); });
EF_ORACLE_OP("maximum", [](const Call& c) { return one(maximum(c.in(0), c.in(1))); });
EF_ORACLE_OP("minimum", [](const Call& c) { return one(minimum(c.in(0), c.in(1))); });
EF_ORACLE_OP("squaredDifference", [](const Call& c) { return one(squaredDifference(c.in(0), c.in(1))); });
EF_ORACLE_OP("atan2", [](const Call& c) { return one(atan2(c.in(0), c.in(1))); });

}  // namespace edgeflow::oracle
