#include "model_loading.h"

#include <filesystem>

namespace edgeflow::cli {

LoadedModel loadModel(const std::string& url) {
  // tf.loadLayersModel does not return the metadata, so load the artifacts, then build the model.
  if (!io::isHTTPScheme(url)) {
    std::string path = url.rfind("file://", 0) == 0 ? url.substr(7) : url;
    if (!std::filesystem::exists(path))
      throw Error("no model at '" + url + "' (expected a directory with model.json, or a model.json file)");
  }
  auto handlers = io::getLoadHandlers(url);
  if (handlers.empty()) throw Error("cannot load a model from '" + url + "'");
  io::ModelArtifacts artifacts = handlers.front()->load();
  LoadedModel out{io::layersModelFromArtifacts(artifacts, true, url), artifacts.userDefinedMetadata, {}};
  const io::Json& meta = out.userDefinedMetadata;
  if (meta.is_object() && meta.contains("classNames") && meta["classNames"].is_array())
    for (const auto& name : meta["classNames"])
      if (name.is_string()) out.classNames.push_back(name.get<std::string>());
  return out;
}

}  // namespace edgeflow::cli
