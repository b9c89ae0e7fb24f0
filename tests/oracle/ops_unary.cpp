// Adapters for tests/oracle/gen/cases/unary.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {

#define EF_UNARY_ADAPTER(name) EF_ORACLE_OP(#name, [](const Call& c) { return one(name(c.in(0))); })
EF_UNARY_ADAPTER(abs);
EF_UNARY_ADAPTER(acos);
EF_UNARY_ADAPTER(acosh);
EF_UNARY_ADAPTER(asin);
EF_UNARY_ADAPTER(asinh);
EF_UNARY_ADAPTER(atan);
EF_UNARY_ADAPTER(atanh);
EF_UNARY_ADAPTER(ceil);
EF_UNARY_ADAPTER(cos);
EF_UNARY_ADAPTER(cosh);
EF_UNARY_ADAPTER(erf);
EF_UNARY_ADAPTER(exp);
EF_UNARY_ADAPTER(expm1);
EF_UNARY_ADAPTER(floor);
EF_UNARY_ADAPTER(log);
EF_UNARY_ADAPTER(log1p);
EF_UNARY_ADAPTER(reciprocal);
EF_UNARY_ADAPTER(round);
EF_UNARY_ADAPTER(rsqrt);
EF_UNARY_ADAPTER(sign);
EF_UNARY_ADAPTER(sin);
EF_UNARY_ADAPTER(sinh);
EF_UNARY_ADAPTER(sqrt);
EF_UNARY_ADAPTER(square);
EF_UNARY_ADAPTER(tan);
EF_UNARY_ADAPTER(tanh);
EF_UNARY_ADAPTER(isNaN);
EF_UNARY_ADAPTER(isInf);
EF_UNARY_ADAPTER(isFinite);
#undef EF_UNARY_ADAPTER

EF_ORACLE_OP("step", [](const Call& c) { return one(step(c.in(0), c.d("alpha"))); });
EF_ORACLE_OP("clipByValue", [](const Call& c) { return one(clipByValue(c.in(0), c.d("min"), c.d("max"))); });

}  // namespace edgeflow::oracle
