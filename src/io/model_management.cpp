// tf.io.listModels / copyModel / moveModel / removeModel over directories of models.
#include <set>

#include "io/io_internal.h"
#include "io/model_dir.h"

namespace edgeflow::io {

namespace fs = std::filesystem;
using detail::quote;

namespace {

IOHandlerPtr onlyHandler(std::vector<IOHandlerPtr> handlers, const std::string& url, const char* what) {
  if (handlers.empty())
    throw Error(std::string("io.copyModel: copying failed because no ") + what + " handler is found for URL " + quote(url));
  return handlers[0];
}

std::string normalised(const std::string& url) {
  if (isHTTPScheme(url)) return url;
  return fs::path(detail::stripFileScheme(url)).lexically_normal().string();
}

}  // namespace

std::map<std::string, ModelArtifactsInfo> listModels(const std::string& directory) {
  const fs::path dir = detail::stripFileScheme(directory);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error("io.listModels: " + quote(dir.string()) + " is not a directory");
  std::map<std::string, ModelArtifactsInfo> out;
  auto add = [&](const fs::path& modelJson, const fs::path& key) {
    try {
      out["file://" + key.string()] = detail::infoFromModelJson(modelJson);
    } catch (const Error&) {  // not a model: not listed
    }
  };
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::error_code e2;
    if (entry.is_directory(e2) && fs::is_regular_file(entry.path() / "model.json", e2))
      add(entry.path() / "model.json", entry.path());
  }
  for (const auto& [name, files] : detail::modelFilesIn(dir)) add(dir / name, dir / name);
  return out;
}

ModelArtifactsInfo copyModel(const std::string& sourceURL, const std::string& destURL) {
  if (normalised(sourceURL) == normalised(destURL))
    throw Error("io.copyModel: old path and new path are the same: " + quote(sourceURL));
  auto loader = onlyHandler(getLoadHandlers(sourceURL), sourceURL, "load");
  auto saver = onlyHandler(getSaveHandlers(destURL), destURL, "save");
  return saver->save(loader->load()).modelArtifactsInfo;
}

ModelArtifactsInfo moveModel(const std::string& sourceURL, const std::string& destURL) {
  // Unlike TF.js (which deletes first within one medium), the source goes only once the copy
  // is saved, so a failed save loses nothing.
  ModelArtifactsInfo info = copyModel(sourceURL, destURL);
  removeModel(sourceURL);
  return info;
}

ModelArtifactsInfo removeModel(const std::string& url) {
  if (isHTTPScheme(url) || (detail::hasScheme(url) && url.rfind("file://", 0) != 0))
    throw Error("io.removeModel: cannot remove " + quote(url) + ": only file:// URLs and paths are supported");
  const fs::path modelJson = detail::modelJsonForLoad(url);
  std::error_code ec;
  if (!fs::is_regular_file(modelJson, ec))
    throw Error("io.removeModel: cannot remove model at " + quote(url) + ": no model JSON at " + quote(modelJson.string()));
  ModelArtifactsInfo info = detail::infoFromModelJson(modelJson);  // also checks it is a model JSON
  const fs::path dir = modelJson.parent_path().empty() ? fs::path(".") : modelJson.parent_path();
  const std::string name = modelJson.filename().string();
  auto models = detail::modelFilesIn(dir);
  std::set<std::string> sharedWithOthers;
  for (const auto& [other, files] : models)
    if (other != name) sharedWithOthers.insert(files.begin(), files.end());
  for (const auto& f : models[name])
    if (!sharedWithOthers.count(f)) fs::remove(dir / f, ec);
  fs::remove(modelJson, ec);
  if (ec) throw Error("io.removeModel: cannot delete " + quote(modelJson.string()) + ": " + ec.message());
  if (fs::is_empty(dir, ec) && !ec && dir != fs::path(".")) fs::remove(dir, ec);
  return info;
}

}  // namespace edgeflow::io
