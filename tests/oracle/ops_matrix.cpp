// Adapters for tests/oracle/gen/cases/matrix.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("matMul", [](const Call& c) {
  return one(matMul(c.in(0), c.in(1), c.b("transposeA"), c.b("transposeB")));
});
EF_ORACLE_OP("dot", [](const Call& c) { return one(dot(c.in(0), c.in(1))); });
EF_ORACLE_OP("outerProduct", [](const Call& c) { return one(outerProduct(c.in(0), c.in(1))); });
EF_ORACLE_OP("einsum", [](const Call& c) { return one(einsum(c.s("equation"), c.inputs)); });
// TF.js computed these with equivalent ops (attr `via`); edgeflow runs the einsum itself.
EF_ORACLE_OP("einsumVia", [](const Call& c) { return one(einsum(c.s("equation"), c.inputs)); });

}  // namespace edgeflow::oracle
