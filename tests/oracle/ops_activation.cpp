// Adapters for tests/oracle/gen/cases/activation.mjs.
#include "oracle/oracle.h"

namespace edgeflow::oracle {

EF_ORACLE_OP("relu", [](const Call& c) { return one(relu(c.in(0))); });
EF_ORACLE_OP("relu6", [](const Call& c) { return one(relu6(c.in(0))); });
EF_ORACLE_OP("elu", [](const Call& c) { return one(elu(c.in(0))); });
EF_ORACLE_OP("selu", [](const Call& c) { return one(selu(c.in(0))); });
EF_ORACLE_OP("leakyRelu", [](const Call& c) { return one(leakyRelu(c.in(0), c.d("alpha", 0.2))); });
EF_ORACLE_OP("prelu", [](const Call& c) { return one(prelu(c.in(0), c.in(1))); });
EF_ORACLE_OP("sigmoid", [](const Call& c) { return one(sigmoid(c.in(0))); });
EF_ORACLE_OP("logSigmoid", [](const Call& c) { return one(logSigmoid(c.in(0))); });
EF_ORACLE_OP("softplus", [](const Call& c) { return one(softplus(c.in(0))); });
EF_ORACLE_OP("softmax", [](const Call& c) { return one(softmax(c.in(0), c.i("dim", -1))); });
EF_ORACLE_OP("logSoftmax", [](const Call& c) { return one(logSoftmax(c.in(0), c.i("axis", -1))); });

}  // namespace edgeflow::oracle
