// The oracle op suite: each op name used by the TF.js case files maps to an adapter that calls
// the edgeflow op with the case's inputs and attributes.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "edgeflow/edgeflow.h"

namespace edgeflow::oracle {

struct Call {
  const std::vector<Tensor>& inputs;
  const nlohmann::json& attrs;

  const Tensor& in(size_t i) const { return inputs.at(i); }
  bool has(const char* name) const { return attrs.contains(name) && !attrs[name].is_null(); }
  int64_t i(const char* name, int64_t def = 0) const { return has(name) ? attrs[name].get<int64_t>() : def; }
  double d(const char* name, double def = 0) const { return has(name) ? attrs[name].get<double>() : def; }
  bool b(const char* name, bool def = false) const { return has(name) ? attrs[name].get<bool>() : def; }
  std::string s(const char* name, const std::string& def = "") const {
    return has(name) ? attrs[name].get<std::string>() : def;
  }
  std::vector<int64_t> ints(const char* name) const {
    return has(name) ? attrs[name].get<std::vector<int64_t>>() : std::vector<int64_t>{};
  }
  // A number or list of numbers; absent/null means all axes.
  Axes axes(const char* name) const {
    if (!has(name)) return Axes();
    if (attrs[name].is_number()) return Axes(attrs[name].get<int64_t>());
    return Axes(attrs[name].get<std::vector<int64_t>>());
  }
  DType dtype(const char* name, DType def = DType::float32) const {
    return has(name) ? parseDType(attrs[name].get<std::string>()) : def;
  }
};

using Adapter = std::function<std::vector<Tensor>(const Call&)>;
bool registerAdapter(const std::string& op, Adapter fn);

}  // namespace edgeflow::oracle

#define EF_ORACLE_CONCAT_(a, b) a##b
#define EF_ORACLE_CONCAT(a, b) EF_ORACLE_CONCAT_(a, b)
// EF_ORACLE_OP("add", [](const Call& c) { return one(add(c.in(0), c.in(1))); });
#define EF_ORACLE_OP(name, ...) \
  static const bool EF_ORACLE_CONCAT(ef_oracle_, __COUNTER__) = ::edgeflow::oracle::registerAdapter(name, __VA_ARGS__)

namespace edgeflow::oracle {
inline std::vector<Tensor> one(const Tensor& t) { return {t}; }

// TF.js's `number | number[]` size attrs (absent or null: def) and its `pad` attr.
inline Int2 int2(const Call& c, const char* name, int64_t def = 1) {
  if (!c.has(name)) return Int2(def);
  const auto& v = c.attrs[name];
  if (v.is_number() || v.size() == 1) return Int2((v.is_number() ? v : v[0]).get<int64_t>());
  return Int2(v.at(0).get<int64_t>(), v.at(1).get<int64_t>());
}
inline Int3 int3(const Call& c, const char* name, int64_t def = 1) {
  if (!c.has(name)) return Int3(def);
  const auto& v = c.attrs[name];
  if (v.is_number() || v.size() == 1) return Int3((v.is_number() ? v : v[0]).get<int64_t>());
  return Int3(v.at(0).get<int64_t>(), v.at(1).get<int64_t>(), v.at(2).get<int64_t>());
}
inline Padding padding(const Call& c) {
  const auto& p = c.attrs["pad"];
  if (p.is_string()) return Padding(p.get<std::string>());
  if (p.is_number()) return Padding(p.get<int64_t>());
  std::vector<std::pair<int64_t, int64_t>> pads;
  for (auto& pair : p) pads.emplace_back(pair.at(0).get<int64_t>(), pair.at(1).get<int64_t>());
  return Padding(pads);
}
}  // namespace edgeflow::oracle
