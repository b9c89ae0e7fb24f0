// tf.constraints: maxNorm, unitNorm, nonNeg, minMaxNorm, as tfjs-layers.
#include "edgeflow/layers/constraints.h"

#include "edgeflow/engine.h"
#include "edgeflow/layers/config_json.h"
#include "edgeflow/ops/activation.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"

namespace edgeflow::constraints {
namespace {

using layers_internal::jsonNumber;
constexpr double kEpsilon = 1e-7;  // tfjs-layers' epsilon()

Tensor l2Norms(const Tensor& w, int64_t axis) { return sqrt(sum(mul(w, w), Axes(axis), true)); }

class MaxNorm : public Constraint {
 public:
  MaxNorm(double maxValue, int64_t axis) : maxValue_(maxValue), axis_(axis) {}
  Tensor apply(const Tensor& w) override {
    return tidy([&] {
      Tensor norms = l2Norms(w, axis_);
      Tensor desired = clipByValue(norms, 0, maxValue_);
      return mul(w, div(desired, add(kEpsilon, norms)));
    });
  }
  std::string getClassName() const override { return "MaxNorm"; }
  ConfigDict getConfig() const override {
    return fromJson(Json{{"maxValue", jsonNumber(maxValue_)}, {"axis", axis_}});
  }

 private:
  double maxValue_;
  int64_t axis_;
};

class UnitNorm : public Constraint {
 public:
  explicit UnitNorm(int64_t axis) : axis_(axis) {}
  Tensor apply(const Tensor& w) override {
    return tidy([&] { return div(w, add(kEpsilon, l2Norms(w, axis_))); });
  }
  std::string getClassName() const override { return "UnitNorm"; }
  ConfigDict getConfig() const override { return fromJson(Json{{"axis", axis_}}); }

 private:
  int64_t axis_;
};

class NonNeg : public Constraint {
 public:
  Tensor apply(const Tensor& w) override { return relu(w); }
  std::string getClassName() const override { return "NonNeg"; }
};

class MinMaxNorm : public Constraint {
 public:
  MinMaxNorm(double minValue, double maxValue, double rate, int64_t axis)
      : minValue_(minValue), maxValue_(maxValue), rate_(rate), axis_(axis) {}
  Tensor apply(const Tensor& w) override {
    return tidy([&] {
      Tensor norms = l2Norms(w, axis_);
      Tensor desired = add(mul(rate_, clipByValue(norms, minValue_, maxValue_)), mul(1.0 - rate_, norms));
      return mul(w, div(desired, add(kEpsilon, norms)));
    });
  }
  std::string getClassName() const override { return "MinMaxNorm"; }
  ConfigDict getConfig() const override {
    return fromJson(Json{{"minValue", jsonNumber(minValue_)},
                         {"maxValue", jsonNumber(maxValue_)},
                         {"rate", jsonNumber(rate_)},
                         {"axis", axis_}});
  }

 private:
  double minValue_, maxValue_, rate_;
  int64_t axis_;
};

double num(const Json& c, const char* key, double def) {
  return c.contains(key) && !c[key].is_null() ? c[key].get<double>() : def;
}
int64_t axisOf(const Json& c) { return c.contains("axis") && !c["axis"].is_null() ? c["axis"].get<int64_t>() : 0; }

ConstraintPtr fromClassName(const std::string& cls, const Json& c) {
  if (cls == "MaxNorm") return std::make_shared<MaxNorm>(num(c, "maxValue", 2), axisOf(c));
  if (cls == "UnitNorm") return std::make_shared<UnitNorm>(axisOf(c));
  if (cls == "NonNeg") return std::make_shared<NonNeg>();
  if (cls == "MinMaxNorm")
    return std::make_shared<MinMaxNorm>(num(c, "minValue", 0), num(c, "maxValue", 1), num(c, "rate", 1), axisOf(c));
  throw Error("Unknown constraint: " + cls + ". Valid constraints are: maxNorm, minMaxNorm, nonNeg, unitNorm");
}

}  // namespace

ConfigDict Constraint::getConfig() const { return fromJson(Json::object()); }

ConstraintPtr maxNorm(MaxNormArgs a) { return std::make_shared<MaxNorm>(a.maxValue.value_or(2), a.axis.value_or(0)); }
ConstraintPtr unitNorm(UnitNormArgs a) { return std::make_shared<UnitNorm>(a.axis.value_or(0)); }
ConstraintPtr nonNeg() { return std::make_shared<NonNeg>(); }
ConstraintPtr minMaxNorm(MinMaxNormArgs a) {
  return std::make_shared<MinMaxNorm>(a.minValue.value_or(0), a.maxValue.value_or(1), a.rate.value_or(1),
                                      a.axis.value_or(0));
}

ConstraintPtr getConstraint(const Identifier<Constraint>& identifier) {
  if (identifier.object()) return identifier.object();
  if (identifier.empty()) return nullptr;
  const std::string& n = identifier.name();
  std::string cls = n == "maxNorm" ? "MaxNorm" : n == "minMaxNorm" ? "MinMaxNorm" : n == "nonNeg" ? "NonNeg"
                  : n == "unitNorm" ? "UnitNorm" : n;
  return fromClassName(cls, Json::object());
}

ConfigDict serializeConstraint(const ConstraintPtr& c) {
  if (!c) return ConfigDict();
  return fromJson(Json{{"className", c->getClassName()}, {"config", toJson(c->getConfig())}});
}

ConstraintPtr deserializeConstraint(const ConfigDict& config) {
  const Json& j = toJson(config);
  if (j.is_null()) return nullptr;
  if (j.is_string()) return getConstraint(j.get<std::string>());
  if (!j.is_object() || !j.contains("className") || !j.contains("config"))
    throw Error("constraint: Improper config format: " + j.dump() + ".\n'className' and 'config' must set.");
  return fromClassName(j["className"].get<std::string>(), j["config"]);
}

}  // namespace edgeflow::constraints
