// Gradients of JavaScript functions: the JS function runs while the C++ tape records, since every
// op it calls goes through runOp into the same engine.
#include "api.h"
#include "edgeflow/autograd.h"
#include "edgeflow/engine.h"
#include "handles.h"
#include "js_error.h"

namespace edgeflow::web {

namespace {
// Calls the JS wrapper; it never throws (it returns -1 and keeps the error for JS to rethrow), so
// no JS exception unwinds through the C++ tape code.
Tensor callJs(const val& f, const char* who) {
  double id = f().as<double>();
  if (id < 0) throw Error(std::string(who) + ": the function passed in threw");
  return handles().get(id, who);
}

// The engine's gradients() runs in its own scope: forget the ids it disposed.
template <class F>
auto inLevel(F&& f) -> decltype(f()) {
  handles().openLevel();
  try {
    auto r = f();
    handles().closeLevel();
    return r;
  } catch (...) {
    handles().closeLevel();
    throw;
  }
}

Variable variableOf(double id, const char* what) {
  Tensor t = handles().get(id, what);
  if (!t.isVariable()) throw Error(std::string(what) + ": tensor " + std::to_string(t.id()) + " is not a variable");
  return Variable(t.implPtr());
}
}  // namespace

val gradients(const val& f, const val& xIds, double dyId) {
  return guarded([&] {
    std::vector<Tensor> xs = tensorsOf(xIds, "grads");
    Tensor dy = dyId < 0 ? Tensor() : handles().get(dyId, "grads: dy");
    ValueAndGrads r = inLevel([&] {
      return valueAndGrads([&](const std::vector<Tensor>&) { return callJs(f, "grads"); })(xs, dy);
    });
    val out = val::object();
    out.set("value", describe(r.value));
    val grads = val::array();
    for (size_t i = 0; i < r.grads.size(); ++i) grads.set(i, describe(r.grads[i]));
    out.set("grads", grads);
    return out;
  });
}

val variableGradients(const val& f, const val& varIds) {
  return guarded([&] {
    std::vector<Variable> vars;
    auto n = varIds["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) vars.push_back(variableOf(varIds[i].as<double>(), "variableGrads: varList"));
    VariableGrads r = inLevel([&] { return variableGrads([&] { return callJs(f, "variableGrads"); }, vars); });
    val out = val::object();
    out.set("value", describe(r.value));
    val grads = val::object();
    for (auto& [name, g] : r.grads) grads.set(name, describe(g));
    out.set("grads", grads);
    return out;
  });
}

namespace {
val idsOf(const std::vector<Tensor>& ts) {
  val out = val::array();
  for (size_t i = 0; i < ts.size(); ++i) out.set(i, handles().add(ts[i]));
  return out;
}
std::vector<Tensor> resultTensors(const val& ids, const char* who) {
  if (!ids.isArray()) throw Error(std::string(who) + ": the function passed in threw");
  return tensorsOf(ids, who);
}
}  // namespace

val customGradient(const val& forward, const val& inputIds) {
  return guarded([&] {
    std::vector<Tensor> inputs = tensorsOf(inputIds, "customGrad");
    auto f = customGrad([forward](const std::vector<Tensor>& xs) {
      val r = forward(idsOf(xs));
      if (!r.isArray() && r.isNumber()) throw Error("customGrad: the function f passed in threw");
      CustomGradResult out;
      out.value = handles().get(r[0].as<double>(), "customGrad: value");
      out.save = resultTensors(r[1], "customGrad: save");
      val gradFunc = r[2];
      out.gradFunc = [gradFunc](const Tensor& dy, const std::vector<Tensor>& saved) {
        return resultTensors(gradFunc(describe(dy), idsOf(saved)), "customGrad: gradFunc");
      };
      return out;
    });
    return describe(f(inputs));
  });
}

val makeVariable(double id, bool trainable, const std::string& name, const std::string& dtype) {
  return guarded([&] {
    std::optional<DType> d;
    if (!dtype.empty()) d = parseDType(dtype);
    Variable v = variable(handles().get(id, "variable: initialValue"), trainable, name, d);
    val out = describe(v);
    out.set("name", v.name());
    return out;
  });
}

void assignVariable(double varId, double valueId) {
  guarded([&] { variableOf(varId, "assign").assign(handles().get(valueId, "assign: newValue")); });
}

void disposeAllVariables() {
  guarded([] { disposeVariables(); });
}

}  // namespace edgeflow::web
