// ConfigDict: the configuration of a layer, model, initializer, ... exactly as TF.js serialises it
// (a JSON object, keys in TF.js's order). Opaque here so the public headers need no JSON library;
// "edgeflow/layers/config_json.h" gives access to it as nlohmann::ordered_json.
#pragma once
#include <concepts>
#include <memory>
#include <string>
#include <utility>

namespace edgeflow {

namespace detail {
struct JsonBox;
}

class ConfigDict {
 public:
  ConfigDict();  // JSON null
  ConfigDict(const ConfigDict& other);
  ConfigDict(ConfigDict&& other) noexcept;
  ConfigDict& operator=(const ConfigDict& other);
  ConfigDict& operator=(ConfigDict&& other) noexcept;
  ~ConfigDict();

  static ConfigDict parse(const std::string& jsonText);  // throws edgeflow::Error on bad JSON
  // JSON text; with indent < 0 it is compact, as JSON.stringify(config).
  std::string dump(int indent = -1) const;
  bool isNull() const;
  bool operator==(const ConfigDict& other) const;

  detail::JsonBox& box();
  const detail::JsonBox& box() const;

 private:
  std::unique_ptr<detail::JsonBox> box_;
};

// What TF.js accepts for an initializer, regularizer or constraint: a registered name
// ("glorotNormal", "l1l2", "maxNorm") or an object. Empty means "not given" (null).
template <class T>
class Identifier {
 public:
  Identifier() = default;
  Identifier(const char* name) : name_(name) {}
  Identifier(std::string name) : name_(std::move(name)) {}
  template <class U>
    requires std::derived_from<U, T>
  Identifier(std::shared_ptr<U> object) : object_(std::move(object)) {}

  bool empty() const { return name_.empty() && !object_; }
  const std::string& name() const { return name_; }
  const std::shared_ptr<T>& object() const { return object_; }

 private:
  std::string name_;
  std::shared_ptr<T> object_;
};

}  // namespace edgeflow
