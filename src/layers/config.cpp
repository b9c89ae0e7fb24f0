// ConfigDict: an opaque holder of nlohmann::ordered_json.
#include "edgeflow/layers/config_json.h"
#include "edgeflow/types.h"

namespace edgeflow {

ConfigDict::ConfigDict() : box_(std::make_unique<detail::JsonBox>()) {}
ConfigDict::ConfigDict(const ConfigDict& other) : box_(std::make_unique<detail::JsonBox>(*other.box_)) {}
ConfigDict::ConfigDict(ConfigDict&& other) noexcept : box_(std::move(other.box_)) {}
ConfigDict& ConfigDict::operator=(const ConfigDict& other) {
  if (this != &other) box_ = std::make_unique<detail::JsonBox>(*other.box_);
  return *this;
}
ConfigDict& ConfigDict::operator=(ConfigDict&& other) noexcept {
  box_ = std::move(other.box_);
  return *this;
}
ConfigDict::~ConfigDict() = default;

detail::JsonBox& ConfigDict::box() {
  if (!box_) box_ = std::make_unique<detail::JsonBox>();  // after a move
  return *box_;
}
const detail::JsonBox& ConfigDict::box() const {
  static const detail::JsonBox null;
  return box_ ? *box_ : null;
}

ConfigDict ConfigDict::parse(const std::string& text) {
  try {
    return fromJson(Json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("ConfigDict::parse: invalid JSON: ") + e.what());
  }
}

std::string ConfigDict::dump(int indent) const { return box().value.dump(indent); }
bool ConfigDict::isNull() const { return box().value.is_null(); }
bool ConfigDict::operator==(const ConfigDict& other) const { return box().value == other.box().value; }

}  // namespace edgeflow
