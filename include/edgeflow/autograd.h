// Automatic differentiation: tf.grad, tf.grads, tf.valueAndGrad(s), tf.variableGrads, tf.customGrad.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

using UnaryFn = std::function<Tensor(const Tensor&)>;
using MultiFn = std::function<Tensor(const std::vector<Tensor>&)>;

// grad(f)(x, dy): d(sum(f(x) * dy))/dx; dy defaults to ones.
std::function<Tensor(const Tensor& x, const Tensor& dy)> grad(UnaryFn f);
std::function<std::vector<Tensor>(const std::vector<Tensor>& xs, const Tensor& dy)> grads(MultiFn f);

struct ValueAndGrad {
  Tensor value;
  Tensor grad;
};
struct ValueAndGrads {
  Tensor value;
  std::vector<Tensor> grads;
};
inline void collectTensors(const ValueAndGrad& r, std::vector<Tensor>& out) {
  out.push_back(r.value);
  out.push_back(r.grad);
}
inline void collectTensors(const ValueAndGrads& r, std::vector<Tensor>& out) {
  out.push_back(r.value);
  out.insert(out.end(), r.grads.begin(), r.grads.end());
}
std::function<ValueAndGrad(const Tensor& x, const Tensor& dy)> valueAndGrad(UnaryFn f);
std::function<ValueAndGrads(const std::vector<Tensor>& xs, const Tensor& dy)> valueAndGrads(MultiFn f);

struct VariableGrads {
  Tensor value;
  std::map<std::string, Tensor> grads;  // by variable name
};
inline void collectTensors(const VariableGrads& r, std::vector<Tensor>& out) {
  out.push_back(r.value);
  for (auto& kv : r.grads) out.push_back(kv.second);
}
// Gradients of the scalar f() with respect to varList (default: every trainable variable).
VariableGrads variableGrads(const std::function<Tensor()>& f, const std::vector<Variable>& varList = {});

// customGrad: f returns the value and a function from dy (and saved tensors) to input gradients.
struct CustomGradResult {
  Tensor value;
  std::function<std::vector<Tensor>(const Tensor& dy, const std::vector<Tensor>& saved)> gradFunc;
  std::vector<Tensor> save;  // tensors gradFunc needs (TF.js's save())
};
MultiFn customGrad(std::function<CustomGradResult(const std::vector<Tensor>& inputs)> f);

}  // namespace edgeflow
