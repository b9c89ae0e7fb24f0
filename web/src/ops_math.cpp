// Element-wise ops: unary math, activations, binary math with broadcasting, comparisons, logic.
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/unary.h"
#include "op_table.h"

namespace edgeflow::web {

namespace {
using Unary = Tensor (*)(const Tensor&);
using Binary = Tensor (*)(const TensorLike&, const TensorLike&);
using Logical = Tensor (*)(const Tensor&, const Tensor&);

struct UnaryOp {
  const char* name;
  Unary fn;
};
struct BinaryOp {
  const char* name;
  Binary fn;
};
struct LogicalOp {
  const char* name;
  Logical fn;
};

const UnaryOp kUnary[] = {
    {"abs", &edgeflow::abs},       {"acos", &edgeflow::acos},         {"acosh", &edgeflow::acosh},
    {"asin", &edgeflow::asin},     {"asinh", &edgeflow::asinh},       {"atan", &edgeflow::atan},
    {"atanh", &edgeflow::atanh},   {"ceil", &edgeflow::ceil},         {"cos", &edgeflow::cos},
    {"cosh", &edgeflow::cosh},     {"erf", &edgeflow::erf},           {"exp", &edgeflow::exp},
    {"expm1", &edgeflow::expm1},   {"floor", &edgeflow::floor},       {"log", &edgeflow::log},
    {"log1p", &edgeflow::log1p},   {"neg", &edgeflow::neg},           {"reciprocal", &edgeflow::reciprocal},
    {"round", &edgeflow::round},   {"rsqrt", &edgeflow::rsqrt},       {"sign", &edgeflow::sign},
    {"sin", &edgeflow::sin},       {"sinh", &edgeflow::sinh},         {"sqrt", &edgeflow::sqrt},
    {"square", &edgeflow::square}, {"tan", &edgeflow::tan},           {"tanh", &edgeflow::tanh},
    {"isNaN", &edgeflow::isNaN},   {"isInf", &edgeflow::isInf},       {"isFinite", &edgeflow::isFinite},
    {"relu", &edgeflow::relu},     {"relu6", &edgeflow::relu6},       {"elu", &edgeflow::elu},
    {"selu", &edgeflow::selu},     {"sigmoid", &edgeflow::sigmoid},   {"logSigmoid", &edgeflow::logSigmoid},
    {"softplus", &edgeflow::softplus}, {"logicalNot", &edgeflow::logicalNot},
};

const BinaryOp kBinary[] = {
    {"add", &edgeflow::add},
    {"sub", &edgeflow::sub},
    {"mul", &edgeflow::mul},
    {"div", &edgeflow::div},
    {"divNoNan", &edgeflow::divNoNan},
    {"floorDiv", &edgeflow::floorDiv},
    {"mod", &edgeflow::mod},
    {"pow", &edgeflow::pow},
    {"maximum", &edgeflow::maximum},
    {"minimum", &edgeflow::minimum},
    {"squaredDifference", &edgeflow::squaredDifference},
    {"atan2", &edgeflow::atan2},
    {"equal", &edgeflow::equal},
    {"notEqual", &edgeflow::notEqual},
    {"less", &edgeflow::less},
    {"lessEqual", &edgeflow::lessEqual},
    {"greater", &edgeflow::greater},
    {"greaterEqual", &edgeflow::greaterEqual},
};

const LogicalOp kLogical[] = {
    {"logicalAnd", &edgeflow::logicalAnd},
    {"logicalOr", &edgeflow::logicalOr},
    {"logicalXor", &edgeflow::logicalXor},
    {"prelu", &edgeflow::prelu},
};
}  // namespace

void addMathOps(OpTable& t) {
  for (const auto& op : kUnary) t.add(op.name, 1, [fn = op.fn](const OpArgs& a) { return fn(a[0]); });
  for (const auto& op : kBinary) t.add(op.name, 2, [fn = op.fn](const OpArgs& a) { return fn(a[0], a[1]); });
  for (const auto& op : kLogical) t.add(op.name, 2, [fn = op.fn](const OpArgs& a) { return fn(a[0], a[1]); });

  t.add("addN", kAnyInputs, [](const OpArgs& a) { return addN(a.inputs()); });
  t.add("where", 3, [](const OpArgs& a) { return where(a[0], a[1], a[2]); });
  t.add("step", 1, [](const OpArgs& a) { return step(a[0], a.number("alpha", 0.0)); });
  t.add("leakyRelu", 1, [](const OpArgs& a) { return leakyRelu(a[0], a.number("alpha", 0.2)); });
  t.add("clipByValue", 1, [](const OpArgs& a) {
    return clipByValue(a[0], a.number("clipValueMin"), a.number("clipValueMax"));
  });
  t.add("cast", 1, [](const OpArgs& a) {
    if (!a.has("dtype")) throw Error("cast: argument 'dtype' is required");
    return cast(a[0], a.dtype("dtype", DType::float32));
  });
  t.add("softmax", 1, [](const OpArgs& a) { return softmax(a[0], a.integer("dim", -1)); });
  t.add("logSoftmax", 1, [](const OpArgs& a) { return logSoftmax(a[0], a.integer("axis", -1)); });
}

}  // namespace edgeflow::web
