#include "op_args.h"

#include <cmath>
#include <limits>

namespace edgeflow::web {

OpArgs::OpArgs(const std::string& op, std::vector<Tensor> inputs, nlohmann::json attrs)
    : op_(op), inputs_(std::move(inputs)), attrs_(std::move(attrs)) {
  if (!attrs_.is_object()) throw Error(op_ + ": attributes must be a JSON object");
}

const Tensor& OpArgs::operator[](size_t i) const {
  if (i >= inputs_.size())
    throw Error(op_ + ": expected at least " + std::to_string(i + 1) + " tensor inputs, got " +
                std::to_string(inputs_.size()));
  return inputs_[i];
}

const nlohmann::json* OpArgs::find(const char* name) const {
  auto it = attrs_.find(name);
  if (it == attrs_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool OpArgs::has(const char* name) const { return find(name) != nullptr; }

void OpArgs::fail(const char* name, const char* expected) const {
  const nlohmann::json* v = find(name);
  throw Error(op_ + ": argument '" + name + "' must be " + expected + ", got " +
              (v ? v->dump() : std::string("nothing")));
}

// JS sends NaN and ±Infinity as strings (JSON has no such numbers).
double OpArgs::toNumber(const nlohmann::json& v, const char* name) const {
  if (v.is_number()) return v.get<double>();
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity") return std::numeric_limits<double>::infinity();
    if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
  }
  fail(name, "a number");
}

int64_t OpArgs::toInteger(const nlohmann::json& v, const char* name) const {
  double d = toNumber(v, name);
  if (!std::isfinite(d) || d != std::floor(d)) fail(name, "an integer");
  return static_cast<int64_t>(d);
}

double OpArgs::number(const char* name, double def) const {
  const auto* v = find(name);
  return v ? toNumber(*v, name) : def;
}
double OpArgs::number(const char* name) const {
  const auto* v = find(name);
  if (!v) fail(name, "a number");
  return toNumber(*v, name);
}
int64_t OpArgs::integer(const char* name, int64_t def) const {
  const auto* v = find(name);
  return v ? toInteger(*v, name) : def;
}
int64_t OpArgs::integer(const char* name) const {
  const auto* v = find(name);
  if (!v) fail(name, "an integer");
  return toInteger(*v, name);
}
bool OpArgs::flag(const char* name, bool def) const {
  const auto* v = find(name);
  if (!v) return def;
  if (!v->is_boolean()) fail(name, "a boolean");
  return v->get<bool>();
}
std::string OpArgs::string(const char* name, const std::string& def) const {
  const auto* v = find(name);
  if (!v) return def;
  if (!v->is_string()) fail(name, "a string");
  return v->get<std::string>();
}
DType OpArgs::dtype(const char* name, DType def) const {
  auto d = optionalDType(name);
  return d ? *d : def;
}
std::optional<DType> OpArgs::optionalDType(const char* name) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) fail(name, "a dtype string ('float32', 'int32' or 'bool')");
  const auto& s = v->get_ref<const std::string&>();
  if (s == "float32") return DType::float32;
  if (s == "int32") return DType::int32;
  if (s == "bool") return DType::bool_;
  fail(name, "'float32', 'int32' or 'bool'");
}
std::optional<double> OpArgs::optionalNumber(const char* name) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  return toNumber(*v, name);
}
std::vector<int64_t> OpArgs::ints(const char* name) const {
  const auto* v = find(name);
  if (!v || !v->is_array()) fail(name, "an array of integers");
  std::vector<int64_t> out;
  for (const auto& e : *v) out.push_back(toInteger(e, name));
  return out;
}
std::vector<double> OpArgs::numbers(const char* name, std::vector<double> def) const {
  const auto* v = find(name);
  if (!v) return def;
  if (!v->is_array()) return {toNumber(*v, name)};
  std::vector<double> out;
  for (const auto& e : *v) out.push_back(toNumber(e, name));
  return out;
}
std::vector<int64_t> OpArgs::ints(const char* name, std::vector<int64_t> def) const {
  return has(name) ? ints(name) : def;
}
Shape OpArgs::shape(const char* name) const {
  const auto* v = find(name);
  if (v && v->is_number()) return {toInteger(*v, name)};  // TF.js accepts a bare number for 1-D shapes
  return ints(name);
}
Axes OpArgs::axes(const char* name) const {
  const auto* v = find(name);
  if (!v) return Axes();
  if (v->is_array()) return Axes(ints(name));
  return Axes(toInteger(*v, name));
}
Int2 OpArgs::int2(const char* name, Int2 def) const {
  const auto* v = find(name);
  if (!v) return def;
  if (v->is_array()) {
    auto xs = ints(name);
    if (xs.size() != 2) fail(name, "a number or [number, number]");
    return Int2(xs[0], xs[1]);
  }
  return Int2(toInteger(*v, name));
}
Int3 OpArgs::int3(const char* name, Int3 def) const {
  const auto* v = find(name);
  if (!v) return def;
  if (v->is_array()) {
    auto xs = ints(name);
    if (xs.size() != 3) fail(name, "a number or [number, number, number]");
    return Int3(xs[0], xs[1], xs[2]);
  }
  return Int3(toInteger(*v, name));
}
Padding OpArgs::padding(const char* name) const {
  const auto* v = find(name);
  if (!v) fail(name, "'same', 'valid', a number or [[before, after], ...]");
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    if (s != "same" && s != "valid") fail(name, "'same', 'valid', a number or [[before, after], ...]");
    return Padding(s);
  }
  if (v->is_array()) return Padding(pairs(name));
  return Padding(toInteger(*v, name));
}
Paddings OpArgs::pairs(const char* name) const {
  const auto* v = find(name);
  if (!v || !v->is_array()) fail(name, "an array of [before, after] pairs");
  Paddings out;
  for (const auto& p : *v) {
    if (!p.is_array() || p.size() != 2) fail(name, "an array of [before, after] pairs");
    out.emplace_back(toInteger(p[0], name), toInteger(p[1], name));
  }
  return out;
}

}  // namespace edgeflow::web
