// The layer class registry behind tf.layers.deserialize.
#include "layers/serialization.h"

#include <map>

#include "edgeflow/kernel.h"
#include "layers/common.h"

namespace edgeflow {
namespace layers_internal {

LayerArgs baseArgsFromConfig(const Json& c) {
  LayerArgs a;
  a.name = str(c, "name");
  if (c.contains("trainable") && !c["trainable"].is_null()) a.trainable = c["trainable"].get<bool>();
  if (c.contains("batchInputShape") && !c["batchInputShape"].is_null())
    a.batchInputShape = shapeFromJson(c["batchInputShape"]);
  if (c.contains("dtype") && !c["dtype"].is_null()) a.dtype = parseDType(c["dtype"].get<std::string>());
  return a;
}

ConfigDict withBaseConfig(Json own, const ConfigDict& base) {
  for (auto& [k, v] : toJson(base).items()) own[k] = v;
  return fromJson(std::move(own));
}

std::optional<double> optDouble(const Json& c, const char* key) {
  if (!c.contains(key) || c[key].is_null()) return std::nullopt;
  return c[key].get<double>();
}
std::optional<int64_t> optInt(const Json& c, const char* key) {
  if (!c.contains(key) || c[key].is_null()) return std::nullopt;
  return c[key].get<int64_t>();
}
std::string str(const Json& c, const char* key, const std::string& def) {
  if (!c.contains(key) || c[key].is_null()) return def;
  return c[key].get<std::string>();
}
ConfigDict sub(const Json& c, const char* key) {
  if (!c.contains(key)) return ConfigDict();
  return fromJson(c[key]);
}

}  // namespace layers_internal

namespace layers {
namespace {
std::map<std::string, LayerFromConfig>& registry() {
  static std::map<std::string, LayerFromConfig> r;
  return r;
}
}  // namespace

void registerLayerClass(const std::string& className, LayerFromConfig fromConfig) {
  registry()[className] = std::move(fromConfig);
}

Layer deserialize(const ConfigDict& config) {
  const Json& j = toJson(config);
  if (!j.is_object() || !j.contains("className") || !j.contains("config"))
    throw Error("layer: Improper config format: " + j.dump() + ".\n'className' and 'config' must set.");
  std::string cls = j["className"].get<std::string>();
  auto it = registry().find(cls);
  if (it == registry().end()) {
    std::vector<std::string> names;
    for (auto& [n, f] : registry()) names.push_back(n);
    throw Error("Unknown layer: " + cls + ". Valid layers are: " + layers_internal::joinNames(names));
  }
  return it->second(fromJson(j["config"]));
}

ConfigDict serialize(const Layer& layer) {
  return fromJson(Json{{"className", layer.getClassName()}, {"config", toJson(layer.getConfig())}});
}

}  // namespace layers
}  // namespace edgeflow
