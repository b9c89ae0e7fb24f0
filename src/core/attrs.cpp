#include "edgeflow/kernel.h"

namespace edgeflow {

Attrs::Attrs(std::initializer_list<std::pair<const char*, AttrValue>> items) {
  for (auto& [k, v] : items) items_.emplace_back(k, v);
}

void Attrs::set(const std::string& name, AttrValue value) {
  for (auto& kv : items_)
    if (kv.first == name) {
      kv.second = std::move(value);
      return;
    }
  items_.emplace_back(name, std::move(value));
}

bool Attrs::has(const std::string& name) const {
  for (auto& kv : items_)
    if (kv.first == name) return true;
  return false;
}

const AttrValue& Attrs::get(const std::string& name) const {
  for (auto& kv : items_)
    if (kv.first == name) return kv.second;
  throw Error("kernel attribute '" + name + "' is missing");
}

template <class T>
static const T& typed(const Attrs& a, const std::string& name, const char* type) {
  const AttrValue& v = a.get(name);
  if (auto p = std::get_if<T>(&v)) return *p;
  throw Error("kernel attribute '" + name + "' is not of type " + type);
}

int64_t Attrs::getInt(const std::string& name) const {
  const AttrValue& v = get(name);
  if (auto p = std::get_if<bool>(&v)) return *p;
  return typed<int64_t>(*this, name, "int");
}
double Attrs::getDouble(const std::string& name) const {
  const AttrValue& v = get(name);
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  return typed<double>(*this, name, "double");
}
bool Attrs::getBool(const std::string& name) const { return typed<bool>(*this, name, "bool"); }
const std::string& Attrs::getString(const std::string& name) const {
  return typed<std::string>(*this, name, "string");
}
const std::vector<int64_t>& Attrs::getInts(const std::string& name) const {
  return typed<std::vector<int64_t>>(*this, name, "int list");
}
const std::vector<double>& Attrs::getDoubles(const std::string& name) const {
  return typed<std::vector<double>>(*this, name, "double list");
}
DType Attrs::getDType(const std::string& name) const { return typed<DType>(*this, name, "dtype"); }

}  // namespace edgeflow
