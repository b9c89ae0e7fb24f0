// Reverse-mode differentiation over the tape (TF.js's getFilteredNodesXToY + backpropagateGradients).
#include <unordered_map>
#include <unordered_set>

#include "core/tape.h"
#include "edgeflow/autograd.h"
#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"

namespace edgeflow {
namespace {

struct GradResult {
  Tensor value;
  std::vector<Tensor> grads;
};
void collectTensors(const GradResult& r, std::vector<Tensor>& out) {
  out.push_back(r.value);
  for (auto& g : r.grads)
    if (g.defined()) out.push_back(g);
}

// Nodes on a path from one of xs to y, in tape order.
std::vector<TapeNode*> filterNodes(const Tape& tape, const std::vector<Tensor>& xs, const Tensor& y) {
  std::unordered_set<int64_t> fromX;
  for (auto& x : xs) fromX.insert(x.id());
  std::vector<char> reach(tape.nodes.size(), 0);
  for (size_t i = 0; i < tape.nodes.size(); ++i) {
    auto& n = *tape.nodes[i];
    for (auto& in : n.inputs)
      if (fromX.count(in->tensor().id())) reach[i] = 1;
    if (reach[i])
      for (auto& out : n.outputs) fromX.insert(out->tensor().id());
  }
  std::unordered_set<int64_t> toY{y.id()};
  std::vector<TapeNode*> out;
  for (size_t i = tape.nodes.size(); i-- > 0;) {
    auto& n = *tape.nodes[i];
    bool leads = false;
    for (auto& o : n.outputs)
      if (toY.count(o->tensor().id())) leads = true;
    if (!leads) continue;
    for (auto& in : n.inputs) toY.insert(in->tensor().id());
    if (reach[i]) out.push_back(&n);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

GradResult gradients(const std::function<Tensor()>& f, const std::vector<Tensor>& xs, const Tensor& dy,
                     bool allowNoGradient) {
  Tape tape;  // declared before the scope so taped tensors are released after it ends
  return tidy("gradients", [&]() -> GradResult {
    engine::pushTape(&tape);
    Tensor y;
    try {
      y = f();
    } catch (...) {
      engine::popTape(&tape);
      throw;
    }
    engine::popTape(&tape);
    if (!y.defined()) throw Error("gradients: f() must return a tensor");

    std::unordered_map<int64_t, Tensor> gradMap;
    if (dy.defined()) {
      if (dy.shape() != y.shape())
        throw Error("The shape of dy passed in grad(f)(x, dy) must match the shape returned by f(x), but " +
                    shapeToString(dy.shape()) + " does not match " + shapeToString(y.shape()));
      gradMap[y.id()] = dy.dtype() == DType::float32 ? dy : dy.cast(DType::float32);
    } else {
      gradMap[y.id()] = ones(y.shape());
    }

    std::unordered_set<int64_t> xIds;
    for (auto& x : xs) xIds.insert(x.id());
    auto nodes = filterNodes(tape, xs, y);
    for (size_t k = nodes.size(); k-- > 0;) {
      TapeNode& n = *nodes[k];
      std::vector<Tensor> dys, inputs, outputs;
      bool any = false;
      for (auto& o : n.outputs) {
        outputs.push_back(o->tensor());
        auto it = gradMap.find(o->tensor().id());
        if (it != gradMap.end()) {
          dys.push_back(it->second);
          any = true;
        } else {
          dys.push_back(zeros(o->tensor().shape()));
        }
      }
      if (!any) continue;
      for (auto& in : n.inputs) inputs.push_back(in->tensor());
      const GradFunc* gf = n.customGrad ? &n.customGrad : engine::findGradient(n.kernelName);
      if (!gf) throw Error("Cannot compute gradient: gradient function not found for " + n.kernelName + ".");
      std::vector<Tensor> ig = (*gf)(GradContext{dys, inputs, outputs, n.attrs});
      if (ig.size() != inputs.size())
        throw Error("Error in gradient for op " + n.kernelName + ": it returned " + std::to_string(ig.size()) +
                    " gradients for " + std::to_string(inputs.size()) + " inputs");
      for (size_t i = 0; i < inputs.size(); ++i) {
        if (!ig[i].defined()) continue;
        if (ig[i].shape() != inputs[i].shape())
          throw Error("Error in gradient for op " + n.kernelName + ". The gradient of input " + std::to_string(i) +
                      " has shape " + shapeToString(ig[i].shape()) + ", which does not match the shape of the input " +
                      shapeToString(inputs[i].shape()));
        Tensor g = ig[i].dtype() == DType::float32 ? ig[i] : ig[i].cast(DType::float32);
        auto it = gradMap.find(inputs[i].id());
        if (it == gradMap.end())
          gradMap.emplace(inputs[i].id(), g);
        else
          it->second = add(it->second, g);
      }
    }

    GradResult r{y, {}};
    for (auto& x : xs) {
      auto it = gradMap.find(x.id());
      if (it != gradMap.end() && x.id() != y.id()) {
        r.grads.push_back(it->second);
      } else if (x.id() == y.id()) {
        r.grads.push_back(gradMap[y.id()]);
      } else if (allowNoGradient) {
        r.grads.push_back(Tensor());
      } else {
        throw Error("Cannot compute gradient of y=f(x) with respect to x. Make sure that the f you passed "
                    "encloses all operations that lead from x to y.");
      }
    }
    return r;
  });
}

}  // namespace


std::function<Tensor(const Tensor&, const Tensor&)> grad(UnaryFn f) {
  return [f](const Tensor& x, const Tensor& dy) {
    return gradients([&] { return f(x); }, {x}, dy, false).grads[0];
  };
}

std::function<std::vector<Tensor>(const std::vector<Tensor>&, const Tensor&)> grads(MultiFn f) {
  return [f](const std::vector<Tensor>& xs, const Tensor& dy) {
    return gradients([&] { return f(xs); }, xs, dy, false).grads;
  };
}

std::function<ValueAndGrad(const Tensor&, const Tensor&)> valueAndGrad(UnaryFn f) {
  return [f](const Tensor& x, const Tensor& dy) {
    auto r = gradients([&] { return f(x); }, {x}, dy, false);
    return ValueAndGrad{r.value, r.grads[0]};
  };
}

std::function<ValueAndGrads(const std::vector<Tensor>&, const Tensor&)> valueAndGrads(MultiFn f) {
  return [f](const std::vector<Tensor>& xs, const Tensor& dy) {
    auto r = gradients([&] { return f(xs); }, xs, dy, false);
    return ValueAndGrads{r.value, r.grads};
  };
}

VariableGrads variableGrads(const std::function<Tensor()>& f, const std::vector<Variable>& varList) {
  std::vector<Variable> vars = varList.empty() ? engine::trainableVariables() : varList;
  std::vector<Tensor> xs(vars.begin(), vars.end());
  auto r = gradients(
      [&] {
        Tensor y = f();
        if (!y.defined() || y.rank() != 0)
          throw Error("variableGrads: the result y returned by f() must be a scalar, got shape " +
                      (y.defined() ? shapeToString(y.shape()) : std::string("undefined")));
        return y;
      },
      xs, Tensor(), true);
  VariableGrads out{r.value, {}};
  for (size_t i = 0; i < vars.size(); ++i)
    if (r.grads[i].defined()) out.grads[vars[i].name()] = r.grads[i];
  if (out.grads.empty() && !vars.empty())
    throw Error("variableGrads: cannot find a connection between any variable and the result of the loss "
                "function y=f(x). Please make sure the operations that use variables are inside f.");
  return out;
}

MultiFn customGrad(std::function<CustomGradResult(const std::vector<Tensor>&)> f) {
  return [f](const std::vector<Tensor>& inputs) -> Tensor {
    std::vector<Tape*> paused;
    engine::swapTapes(paused);  // the forward pass of f is not taped
    CustomGradResult r;
    try {
      r = f(inputs);
    } catch (...) {
      engine::swapTapes(paused);
      throw;
    }
    engine::swapTapes(paused);
    if (!r.value.defined()) throw Error("customGrad: f must return a value tensor");
    auto saved = std::make_shared<std::vector<std::unique_ptr<TapeRef>>>();
    for (auto& t : r.save) saved->push_back(std::make_unique<TapeRef>(t));
    auto userGrad = r.gradFunc;
    size_t nInputs = inputs.size();
    GradFunc gf = [userGrad, saved, nInputs](const GradContext& ctx) {
      std::vector<Tensor> s;
      for (auto& ref : *saved) s.push_back(ref->tensor());
      auto g = userGrad(ctx.dys[0], s);
      if (g.size() != nInputs)
        throw Error("The function f passed in customGrad(f) must return an object where obj.gradFunc is a "
                    "function that returns the same number of tensors as inputs passed to f(...)");
      return g;
    };
    engine::recordNode("CustomGrad", inputs, {r.value}, Attrs{}, gf);
    return r.value;
  };
}

}  // namespace edgeflow
