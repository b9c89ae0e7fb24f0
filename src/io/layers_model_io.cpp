// tf.loadLayersModel and model.save over the io handlers. The topology is checked before the
// model is built (unknown classes, dangling inbound nodes, cycles) and the weights before they are
// set (count, names, shapes), so a bad file fails with a message naming the file, layer and weight.

#include "edgeflow/layers/config_json.h"
#include "edgeflow/models.h"
#include "io/io_internal.h"

namespace edgeflow::io {

using detail::quote;

namespace {

constexpr const char* kGeneratedBy = "edgeflow v0.1.0 (tfjs-layers 4.22.0 format)";

std::string shapeString(const Shape& s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i) out += (i ? "," : "") + std::to_string(s[i]);
  return out + "]";
}

std::string layerOfWeight(const std::string& name) {
  auto slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(0, slash);
}

// The name of the first layer of class `cls` in a config (for "unknown layer class" messages).
std::string findLayerName(const Json& j, const std::string& cls) {
  if (j.is_object()) {
    auto c = j.find("class_name");
    if (c != j.end() && c->is_string() && *c == cls) {
      auto cfg = j.find("config");
      if (cfg != j.end() && cfg->is_object() && cfg->contains("name") && (*cfg)["name"].is_string())
        return (*cfg)["name"].get<std::string>();
    }
    for (const auto& [k, v] : j.items()) {
      std::string found = findLayerName(v, cls);
      if (!found.empty()) return found;
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      std::string found = findLayerName(v, cls);
      if (!found.empty()) return found;
    }
  }
  return {};
}

LayersModel buildModel(const Json& topology, const std::string& source) {
  const Json& config = layersModelConfig(topology);
  if (!config.is_object() || !config.contains("class_name"))
    throw Error("loadLayersModel: " + source + ": the model topology has no \"class_name\"");
  detail::checkLayersTopology(config, source);
  try {
    return modelFromJSON(fromJson(config));
  } catch (const Error& e) {
    std::string msg = e.what();
    const std::string unknown = "Unknown layer: ";
    if (msg.rfind(unknown, 0) == 0) {
      auto dot = msg.find(". Valid layers are: ");
      std::string cls = msg.substr(unknown.size(), dot == std::string::npos ? std::string::npos : dot - unknown.size());
      std::string supported = dot == std::string::npos ? "" : msg.substr(dot + 20);
      std::string layer = findLayerName(config, cls);
      throw Error("loadLayersModel: " + source + ": unknown layer class " + cls +
                  (layer.empty() ? "" : " (layer '" + layer + "')") + " (supported: " + supported + ")");
    }
    throw Error("loadLayersModel: " + source + ": " + msg);
  } catch (const std::exception& e) {  // e.g. json out_of_range from a malformed config
    throw Error("loadLayersModel: " + source + ": malformed model topology: " + e.what());
  }
}

// The model weight a file weight sets: the same name, or the name without nested scopes
// ("a/b/c/kernel" stored as "a/kernel"), as LayersModel::loadWeights matches them.
std::string shortenedName(const std::string& name) {
  std::vector<std::string> parts;
  for (size_t start = 0, slash; start <= name.size(); start = slash + 1) {
    slash = name.find('/', start);
    if (slash == std::string::npos) slash = name.size();
    parts.push_back(name.substr(start, slash - start));
  }
  if (parts.size() < 2) return name;
  std::string out;
  for (size_t i = 0; i + 2 < parts.size(); ++i) out += parts[i] + "/";
  return out + parts.back();
}

void checkWeights(const LayersModel& model, const std::vector<NamedTensor>& weights, bool strict,
                  const std::string& source) {
  std::map<std::string, Shape> expected;
  for (const auto& w : model.getNamedWeights()) expected[w.name] = w.tensor.shape();
  const size_t total = expected.size();
  for (const auto& w : weights) {
    std::string key = expected.count(w.name) ? w.name : shortenedName(w.name);
    auto it = expected.find(key);
    if (it == expected.end()) {
      if (!strict) continue;
      std::string known;
      for (const auto& [n, s] : expected) known += (known.empty() ? "" : ", ") + n;
      throw Error("loadLayersModel: " + source + ": weight '" + w.name + "' (layer '" + layerOfWeight(w.name) +
                  "') has no matching weight in the model (unset model weights: " + (known.empty() ? "none" : known) +
                  ")");
    }
    if (it->second != w.tensor.shape())
      throw Error("loadLayersModel: " + source + ": shape mismatch for weight '" + w.name + "' of layer '" +
                  layerOfWeight(it->first) + "': the file has " + shapeString(w.tensor.shape()) +
                  ", the model expects " + shapeString(it->second));
    expected.erase(it);
  }
  if (strict && !expected.empty()) {
    std::string missing;
    for (const auto& [n, s] : expected) missing += (missing.empty() ? "" : ", ") + n + " (layer '" + layerOfWeight(n) + "')";
    throw Error("loadLayersModel: " + source + ": weight count mismatch: the file has " + std::to_string(weights.size()) +
                " model weights, the model " + std::to_string(total) + "; not in the file: " + missing);
  }
}

}  // namespace

LayersModel layersModelFromArtifacts(const ModelArtifacts& artifacts, bool strict, const std::string& source) {
  if (artifacts.modelTopology.is_null())
    throw Error("loadLayersModel: " + source + " has no model topology (a weights-only manifest?)");
  if (artifacts.format && *artifacts.format == "graph-model")
    throw Error("loadLayersModel: " + source + " is a graph model (format \"graph-model\"), not a layers model");
  LayersModel model = buildModel(artifacts.modelTopology, source);
  // As TF.js: a saved training config compiles the model, and the "optimizer" weight group then
  // restores the optimizer's state, so training resumes where it stopped.
  if (!artifacts.trainingConfig.is_null()) {
    try {
      model.loadTrainingConfig(fromJson(artifacts.trainingConfig));
    } catch (const Error& e) {
      throw Error("loadLayersModel: " + source + ": trainingConfig: " + e.what());
    }
  }
  if (!artifacts.weightSpecs) return model;
  if (!artifacts.weightData) throw Error("loadLayersModel: " + source + " has weight specs but no weight data");
  std::vector<NamedTensor> decoded = decodeWeights(*artifacts.weightData, *artifacts.weightSpecs);
  std::vector<NamedTensor> modelWeights;
  std::vector<train::NamedTensor> optimizerWeights;
  for (size_t i = 0; i < decoded.size(); ++i) {
    const auto& group = (*artifacts.weightSpecs)[i].group;
    if (group && *group == "optimizer")
      optimizerWeights.push_back({decoded[i].name, decoded[i].tensor});
    else
      modelWeights.push_back(decoded[i]);
  }
  checkWeights(model, modelWeights, strict, source);
  try {
    model.loadWeights(toNamedTensorMap(modelWeights), strict);
    if (model.optimizer() && !optimizerWeights.empty()) model.optimizer()->setWeights(optimizerWeights);
  } catch (const Error& e) {
    throw Error("loadLayersModel: " + source + ": " + e.what());
  }
  return model;
}

ModelArtifacts modelArtifacts(const LayersModel& model, const ModelSaveConfig& config) {
  ModelArtifacts a;
  a.modelTopology = toJson(model.toJSON());
  a.format = "layers-model";
  a.generatedBy = kGeneratedBy;
  std::vector<NamedTensor> weights;
  for (auto& w : model.getNamedWeights(config.trainableOnly)) weights.push_back({w.name, w.tensor});
  EncodedWeights enc = encodeWeights(weights);
  if (config.includeOptimizer) {
    auto optimizer = model.optimizer();
    if (!optimizer) throw Error("model.save: includeOptimizer is set but the model has no optimizer (compile it first)");
    a.trainingConfig = toJson(model.getTrainingConfig());
    std::vector<NamedTensor> state;
    for (auto& w : optimizer->getWeights()) state.push_back({w.name, w.tensor});
    EncodedWeights opt = encodeWeights(state, std::string("optimizer"));
    enc.data.insert(enc.data.end(), opt.data.begin(), opt.data.end());
    enc.specs.insert(enc.specs.end(), opt.specs.begin(), opt.specs.end());
  }
  a.weightSpecs = std::move(enc.specs);
  a.weightData = std::move(enc.data);
  a.userDefinedMetadata = config.userDefinedMetadata;
  return a;
}

SaveResult saveModel(const LayersModel& model, const IOHandlerPtr& handler, const ModelSaveConfig& config) {
  if (!handler || !handler->canSave()) throw Error("model.save: the handler cannot save");
  return handler->save(modelArtifacts(model, config));
}

SaveResult saveModel(const LayersModel& model, const std::string& url, const SaveOptions& options,
                     const ModelSaveConfig& config) {
  auto handlers = getSaveHandlers(url, options);
  if (handlers.empty()) throw Error("model.save: cannot find any save handlers for URL " + quote(url));
  return saveModel(model, handlers[0], config);
}

}  // namespace edgeflow::io

namespace edgeflow {

LayersModel loadLayersModel(const io::IOHandlerPtr& handler, bool strict) {
  if (!handler || !handler->canLoad()) throw Error("loadLayersModel: the handler cannot load");
  return io::layersModelFromArtifacts(handler->load(), strict);
}

LayersModel loadLayersModel(const std::string& url, const io::LoadOptions& options, bool strict) {
  auto handlers = io::getLoadHandlers(url, options);
  if (handlers.empty()) throw Error("loadLayersModel: cannot find any load handlers for URL " + io::detail::quote(url));
  return io::layersModelFromArtifacts(handlers[0]->load(), strict, url);
}

}  // namespace edgeflow
