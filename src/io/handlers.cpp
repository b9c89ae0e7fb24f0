// tf.io.fromMemory / withSaveHandler, the URL router (getLoadHandlers / getSaveHandlers) and
// tf.io.loadWeights.
#include "io/file_io.h"
#include "io/io_internal.h"

namespace edgeflow::io {

using detail::quote;

namespace {

class MemoryLoader : public IOHandler {
 public:
  explicit MemoryLoader(ModelArtifacts artifacts) : artifacts_(std::move(artifacts)) {}
  bool canLoad() const override { return true; }
  ModelArtifacts load() override { return artifacts_; }

 private:
  ModelArtifacts artifacts_;
};

class CallbackSaver : public IOHandler {
 public:
  explicit CallbackSaver(std::function<SaveResult(const ModelArtifacts&)> fn) : fn_(std::move(fn)) {}
  bool canSave() const override { return true; }
  SaveResult save(const ModelArtifacts& artifacts) override { return fn_(artifacts); }

 private:
  std::function<SaveResult(const ModelArtifacts&)> fn_;
};

// Paths and file:// URLs go to the file system; other schemes (indexeddb://, localstorage://)
// have no handler here.
bool isFileUrl(const std::string& url) { return !detail::hasScheme(url) || url.rfind("file://", 0) == 0; }

}  // namespace

IOHandlerPtr fromMemory(ModelArtifacts artifacts) {
  if (artifacts.modelTopology.is_null() && !artifacts.weightSpecs)
    throw Error("io.fromMemory: the artifacts have neither a model topology nor weight specs");
  return std::make_shared<MemoryLoader>(std::move(artifacts));
}

IOHandlerPtr withSaveHandler(std::function<SaveResult(const ModelArtifacts&)> saveHandler) {
  if (!saveHandler) throw Error("io.withSaveHandler: the save handler is empty");
  return std::make_shared<CallbackSaver>(std::move(saveHandler));
}

std::vector<IOHandlerPtr> getLoadHandlers(const std::string& url, const LoadOptions& options) {
  if (isHTTPScheme(url)) return {http(url, options)};
  if (isFileUrl(url)) return {fileSystem(url)};
  return {};
}

std::vector<IOHandlerPtr> getSaveHandlers(const std::string& url, const SaveOptions& options) {
  if (isHTTPScheme(url)) return {http(url)};
  if (isFileUrl(url)) return {fileSystem(url, options)};
  return {};
}

std::vector<NamedTensor> loadWeights(const WeightsManifestConfig& manifest, const std::string& filePathPrefix,
                                     const std::vector<std::string>& weightNames, const LoadOptions& options) {
  detail::FetchFn fetch;
  if (isHTTPScheme(filePathPrefix)) {
    std::string base = filePathPrefix.back() == '/' ? filePathPrefix : filePathPrefix + "/";
    fetch = [base, &options](const std::string& rel) { return detail::httpGet(base + rel, options, "weight file"); };
  } else if (isFileUrl(filePathPrefix)) {
    std::filesystem::path dir = detail::stripFileScheme(filePathPrefix);
    if (dir.empty()) dir = ".";
    fetch = [dir](const std::string& rel) { return detail::readFileBytes(dir / rel, "weight file"); };
  } else {
    throw Error("io.loadWeights: no loader for " + quote(filePathPrefix) + " (use a directory, file:// or http(s)://)");
  }
  auto loaded = detail::fetchWeights(manifest, fetch, filePathPrefix, weightNames, options.onProgress);
  return decodeWeights(loaded.data, loaded.specs);
}

}  // namespace edgeflow::io
