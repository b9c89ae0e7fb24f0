// The 16 activations of tfjs-layers, by the names they serialise as.
#include "edgeflow/layers/activations.h"

#include <cmath>
#include <map>
#include <numbers>

#include "edgeflow/engine.h"
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"

namespace edgeflow::activations {
namespace {

using Fn = Tensor (*)(const Tensor&);

class FnActivation : public Activation {
 public:
  FnActivation(std::string name, Fn fn) : name_(std::move(name)), fn_(fn) {}
  Tensor apply(const Tensor& x) const override { return fn_(x); }
  std::string getClassName() const override { return name_; }

 private:
  std::string name_;
  Fn fn_;
};

Tensor linear(const Tensor& x) { return x; }
Tensor relu6Act(const Tensor& x) {  // tfjs-layers: min(6, relu(x))
  return tidy([&] { return minimum(6.0, relu(x)); });
}
Tensor hardSigmoid(const Tensor& x) {
  return tidy([&] { return clipByValue(add(0.5, mul(0.2, x)), 0, 1); });
}
Tensor softsign(const Tensor& x) {
  return tidy([&] { return div(x, add(abs(x), 1.0)); });
}
Tensor softmaxAct(const Tensor& x) { return softmax(x, -1); }
Tensor logSoftmaxAct(const Tensor& x) { return logSoftmax(x, -1); }
Tensor gelu(const Tensor& x) {
  return tidy([&] { return mul(x, mul(0.5, add(1.0, erf(div(x, std::sqrt(2.0)))))); });
}
Tensor geluNew(const Tensor& x) {
  return tidy([&] {
    Tensor inner = mul(std::sqrt(2.0 / std::numbers::pi), add(x, mul(0.044715, pow(x, 3.0))));
    return mul(0.5, mul(x, add(1.0, tanh(inner))));
  });
}
Tensor mish(const Tensor& x) {
  return tidy([&] { return mul(x, tanh(softplus(x))); });
}
Tensor swish(const Tensor& x) {
  return tidy([&] { return mul(sigmoid(mul(x, 1.0)), x); });
}
Tensor eluAct(const Tensor& x) { return elu(x); }
Tensor seluAct(const Tensor& x) { return selu(x); }
Tensor reluAct(const Tensor& x) { return relu(x); }
Tensor sigmoidAct(const Tensor& x) { return sigmoid(x); }
Tensor softplusAct(const Tensor& x) { return softplus(x); }
Tensor tanhAct(const Tensor& x) { return tanh(x); }

const std::vector<std::pair<std::string, Fn>>& table() {
  static const std::vector<std::pair<std::string, Fn>> t = {
      {"elu", eluAct},         {"selu", seluAct},         {"relu", reluAct},
      {"relu6", relu6Act},     {"linear", linear},        {"sigmoid", sigmoidAct},
      {"hardSigmoid", hardSigmoid}, {"softplus", softplusAct}, {"softsign", softsign},
      {"tanh", tanhAct},       {"softmax", softmaxAct},   {"logSoftmax", logSoftmaxAct},
      {"gelu", gelu},          {"gelu_new", geluNew},     {"mish", mish},
      {"swish", swish}};
  return t;
}

}  // namespace

std::vector<std::string> activationNames() {
  std::vector<std::string> names;
  for (auto& [n, f] : table()) names.push_back(n);
  return names;
}

ActivationPtr getActivation(const std::string& name) {
  static std::map<std::string, ActivationPtr> cache;
  std::string key = name.empty() ? "linear" : name;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  for (auto& [n, f] : table())
    if (n == key) return cache[key] = std::make_shared<FnActivation>(n, f);
  throw Error("Unknown activation: " + name + ". Valid activations are: " +
              layers_internal::joinNames(activationNames()));
}

std::string serializeActivation(const ActivationPtr& a) { return a ? a->getClassName() : "linear"; }

}  // namespace edgeflow::activations
