// Uids, tensor names and name scopes as tfjs-layers makes them; JSON helpers.
#include "layers/common.h"

#include <cctype>
#include <cmath>
#include <map>
#include <regex>

namespace edgeflow::layers_internal {
namespace {

std::map<std::string, int64_t>& uidCounters() {
  static std::map<std::string, int64_t> m;
  return m;
}
std::map<std::string, int64_t>& usedNames() {
  static std::map<std::string, int64_t> m;
  return m;
}
std::vector<std::string>& scopeStack() {
  static std::vector<std::string> s;
  return s;
}

bool isValidTensorName(const std::string& name) {
  static const std::regex re("^[A-Za-z0-9][-A-Za-z0-9\\._/]*$");
  return std::regex_match(name, re);
}

}  // namespace

std::string getUid(const std::string& prefix) { return prefix + std::to_string(++uidCounters()[prefix]); }

std::string toCamelCase(const std::string& s) {
  if (s.size() <= 1 || s.find('_') == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      while (i < s.size() && s[i] == '_') ++i;
      if (i < s.size()) out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string toSnakeCase(const std::string& name) {
  // (.)([A-Z][a-z0-9]+) -> $1_$2, then ([a-z])([A-Z]) -> $1_$2, lower-cased.
  static const std::regex first("(.)([A-Z][a-z0-9]+)");
  static const std::regex second("([a-z])([A-Z])");
  std::string s = std::regex_replace(name, first, "$1_$2");
  s = std::regex_replace(s, second, "$1_$2");
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!s.empty() && s[0] == '_') return "private" + s;
  return s;
}

std::string getScopedTensorName(const std::string& name) {
  if (!isValidTensorName(name)) throw Error("Not a valid tensor name: '" + name + "'");
  std::string prefix;
  for (auto& s : scopeStack()) prefix += s + "/";
  return prefix + name;
}

std::string getUniqueTensorName(const std::string& scopedName) {
  if (!isValidTensorName(scopedName)) throw Error("Not a valid tensor name: '" + scopedName + "'");
  auto& used = usedNames();
  int64_t index = used[scopedName]++;
  if (index == 0) return scopedName;
  std::string result = scopedName + "_" + std::to_string(index);
  used[result] = 1;
  return result;
}

int64_t nextUniqueTensorId() {
  static int64_t next = 0;
  return next++;
}

NameScope::NameScope(const std::string& name) { scopeStack().push_back(name); }
NameScope::~NameScope() { scopeStack().pop_back(); }

Json shapeToJson(const Shape& shape) {
  Json j = Json::array();
  for (int64_t d : shape) j.push_back(d < 0 ? Json(nullptr) : Json(d));
  return j;
}

Shape shapeFromJson(const Json& j) {
  Shape s;
  if (j.is_null()) return s;
  for (auto& d : j) s.push_back(d.is_null() ? -1 : d.get<int64_t>());
  return s;
}

Json jsonNumber(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return Json(static_cast<int64_t>(v));
  return Json(v);
}

std::string shapeToJsonString(const Shape& shape) { return shapeToJson(shape).dump(); }

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

bool fullyDefined(const Shape& shape) {
  for (int64_t d : shape)
    if (d < 0) return false;
  return true;
}

const Tensor& onlyInput(const std::vector<Tensor>& inputs, const std::string& layer) {
  if (inputs.size() != 1)
    throw Error("Layer " + layer + " expects 1 input tensor, got " + std::to_string(inputs.size()));
  return inputs[0];
}

}  // namespace edgeflow::layers_internal
