// Access to a ConfigDict as nlohmann::ordered_json (needs nlohmann-json on the include path).
#pragma once
#include <nlohmann/json.hpp>

#include "edgeflow/layers/config.h"

namespace edgeflow {

using Json = nlohmann::ordered_json;

namespace detail {
struct JsonBox {
  Json value;
};
}  // namespace detail

inline Json& toJson(ConfigDict& c) { return c.box().value; }
inline const Json& toJson(const ConfigDict& c) { return c.box().value; }
inline ConfigDict fromJson(Json value) {
  ConfigDict c;
  c.box().value = std::move(value);
  return c;
}

}  // namespace edgeflow
