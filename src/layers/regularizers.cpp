// tf.regularizers: L1L2 (l1, l2), as tfjs-layers.
#include "edgeflow/layers/regularizers.h"

#include "edgeflow/engine.h"
#include "edgeflow/layers/config_json.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"

namespace edgeflow::regularizers {
namespace {

using layers_internal::jsonNumber;

class L1L2 : public Regularizer {
 public:
  L1L2(double l1, double l2) : l1_(l1), l2_(l2) {}
  Tensor apply(const Tensor& x) override {
    return tidy([&] {
      Tensor r = zeros({1});
      if (l1_ != 0) r = add(r, sum(mul(l1_, abs(x))));
      if (l2_ != 0) r = add(r, sum(mul(l2_, square(x))));
      return reshape(r, {});
    });
  }
  std::string getClassName() const override { return "L1L2"; }
  ConfigDict getConfig() const override { return fromJson(Json{{"l1", jsonNumber(l1_)}, {"l2", jsonNumber(l2_)}}); }

 private:
  double l1_, l2_;
};

double number(const Json& c, const char* key, double def) {
  return c.contains(key) && !c[key].is_null() ? c[key].get<double>() : def;
}

}  // namespace

RegularizerPtr l1l2(L1L2Args args) { return std::make_shared<L1L2>(args.l1.value_or(0.01), args.l2.value_or(0.01)); }
RegularizerPtr l1(L1Args args) { return std::make_shared<L1L2>(args.l1.value_or(0.01), 0); }
RegularizerPtr l2(L2Args args) { return std::make_shared<L1L2>(0, args.l2.value_or(0.01)); }

RegularizerPtr getRegularizer(const Identifier<Regularizer>& identifier) {
  if (identifier.object()) return identifier.object();
  if (identifier.empty()) return nullptr;
  const std::string& n = identifier.name();
  if (n == "l1l2" || n == "L1L2") return l1l2();
  throw Error("Unknown regularizer: " + n + ". Valid regularizers are: l1l2");
}

ConfigDict serializeRegularizer(const RegularizerPtr& r) {
  if (!r) return ConfigDict();
  return fromJson(Json{{"className", r->getClassName()}, {"config", toJson(r->getConfig())}});
}

RegularizerPtr deserializeRegularizer(const ConfigDict& config) {
  const Json& j = toJson(config);
  if (j.is_null()) return nullptr;
  if (j.is_string()) return getRegularizer(j.get<std::string>());
  if (!j.is_object() || !j.contains("className") || !j.contains("config"))
    throw Error("regularizer: Improper config format: " + j.dump() + ".\n'className' and 'config' must set.");
  std::string cls = j["className"].get<std::string>();
  if (cls != "L1L2") throw Error("Unknown regularizer: " + cls + ". Valid regularizers are: l1l2");
  return std::make_shared<L1L2>(number(j["config"], "l1", 0.01), number(j["config"], "l2", 0.01));
}

}  // namespace edgeflow::regularizers
