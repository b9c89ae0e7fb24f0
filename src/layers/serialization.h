// Layer (de)serialisation helpers: the class registry and reading common args. Internal.
#pragma once
#include <optional>
#include <string>

#include "edgeflow/layers/config_json.h"
#include "edgeflow/kernel.h"
#include "edgeflow/layers/core.h"

namespace edgeflow::layers_internal {

// The LayerArgs fields of a layer config (name, trainable, batchInputShape, dtype, ...).
LayerArgs baseArgsFromConfig(const Json& config);
// Merges a layer's own config fields before the base fields (TF.js: Object.assign(config, base)).
ConfigDict withBaseConfig(Json own, const ConfigDict& base);
// The common LayerArgs, copied into a layer's args struct.
template <class A>
A withBaseArgs(A a, const LayerArgs& base) {
  a.name = base.name;
  a.trainable = base.trainable;
  a.batchInputShape = base.batchInputShape;
  a.dtype = base.dtype;
  return a;
}
template <class A>
A withBaseFromConfig(A a, const Json& config) {
  return withBaseArgs(std::move(a), baseArgsFromConfig(config));
}

std::optional<double> optDouble(const Json& c, const char* key);
std::optional<int64_t> optInt(const Json& c, const char* key);
std::string str(const Json& c, const char* key, const std::string& def = "");
ConfigDict sub(const Json& c, const char* key);  // c[key] as a ConfigDict (null if absent)

}  // namespace edgeflow::layers_internal

#define EF_REGISTER_LAYER(className, ...)                                    \
  static const bool EF_CONCAT(ef_layer_reg_, __COUNTER__) = \
      (::edgeflow::layers::registerLayerClass(className, __VA_ARGS__), true)
