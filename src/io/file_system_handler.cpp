// tf.io.fileSystem: model.json + weight shards in a directory on disk.
#include <set>

#include "io/file_io.h"
#include "io/io_internal.h"
#include "io/model_dir.h"

namespace edgeflow::io {

namespace fs = std::filesystem;
using detail::quote;

IOHandler::~IOHandler() = default;
ModelArtifacts IOHandler::load() { throw Error("io: this IOHandler cannot load (it has no load method)"); }
SaveResult IOHandler::save(const ModelArtifacts&) { throw Error("io: this IOHandler cannot save (it has no save method)"); }

namespace {

class FileSystemHandler : public IOHandler {
 public:
  FileSystemHandler(std::string path, SaveOptions options) : path_(std::move(path)), options_(std::move(options)) {}
  bool canLoad() const override { return true; }
  bool canSave() const override { return true; }

  ModelArtifacts load() override { return detail::loadModelFromDisk(detail::modelJsonForLoad(path_)); }

  SaveResult save(const ModelArtifacts& input) override {
    const fs::path jsonPath = detail::modelJsonForSave(path_);
    const fs::path dir = jsonPath.parent_path().empty() ? fs::path(".") : jsonPath.parent_path();
    const std::string jsonName = jsonPath.filename().string();

    ModelArtifacts a = options_.quantize ? quantizeArtifacts(input, *options_.quantize) : input;
    WeightsManifestConfig manifest;
    std::vector<std::vector<uint8_t>> shardFiles;
    if (a.weightSpecs) {
      auto shards = detail::shardWeights(*a.weightSpecs, a.weightData ? *a.weightData : std::vector<uint8_t>{},
                                         options_.shardSizeBytes);
      manifest = std::move(shards.manifest);
      shardFiles = std::move(shards.files);
    }
    const std::vector<std::string> newShards = manifest.empty() ? std::vector<std::string>{} : manifest[0].paths;

    std::vector<std::string> staleShards = checkDirectory(dir, jsonName, newShards);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error("io.fileSystem: cannot create directory '" + dir.string() + "': " + ec.message());

    ModelJSON modelJSON = getModelJSONForModelArtifacts(a, manifest);
    const std::string text = detail::dumpJson(toJson(modelJSON));
    SaveResult result;
    {
      detail::AtomicFileSet files;  // shards first, model.json last: readers never see a partial model
      for (size_t i = 0; i < shardFiles.size(); ++i) {
        files.add(dir / newShards[i], shardFiles[i].data(), shardFiles[i].size());
        result.files.push_back((dir / newShards[i]).string());
      }
      files.add(jsonPath, text.data(), text.size());
      result.files.push_back(jsonPath.string());
      files.commit();
    }
    for (const auto& stale : staleShards) fs::remove(dir / stale, ec);
    result.modelArtifactsInfo = getModelArtifactsInfoForJSON(a);
    return result;
  }

 private:
  // Refuses to overwrite weight files of another model in `dir` (unless options_.overwrite) and
  // returns the old shards of the model.json being replaced that the new model no longer uses.
  std::vector<std::string> checkDirectory(const fs::path& dir, const std::string& jsonName,
                                          const std::vector<std::string>& newShards) const {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return {};
    if (!fs::is_directory(dir, ec)) throw Error("io.fileSystem: '" + dir.string() + "' exists and is not a directory");
    const fs::path jsonPath = dir / jsonName;
    auto models = detail::modelFilesIn(dir);
    if (fs::exists(jsonPath, ec) && !models.count(jsonName) && !options_.overwrite)
      throw Error("io.fileSystem: '" + jsonPath.string() +
                  "' exists and is not a model JSON; refusing to overwrite it (set SaveOptions::overwrite)");
    std::set<std::string> ours(newShards.begin(), newShards.end());
    std::set<std::string> previous;
    if (models.count(jsonName)) previous.insert(models[jsonName].begin(), models[jsonName].end());
    std::set<std::string> ownedByOthers;
    for (const auto& [name, files] : models) {
      if (name == jsonName) continue;
      for (const auto& f : files) {
        if (ours.count(f) && !options_.overwrite)
          throw Error("io.fileSystem: saving to '" + jsonPath.string() + "' would overwrite weight file " + quote(f) +
                      " of the model in " + quote(name) + " (set SaveOptions::overwrite, or save elsewhere)");
        ownedByOthers.insert(f);
      }
    }
    if (!options_.overwrite) {
      std::string strays;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (detail::isWeightFileName(name) && !previous.count(name) && !ownedByOthers.count(name))
          strays += (strays.empty() ? "" : ", ") + quote(name);
      }
      if (!strays.empty())
        throw Error("io.fileSystem: '" + dir.string() + "' holds weight files of another model (" + strays +
                    "); refusing to mix models (set SaveOptions::overwrite, or save elsewhere)");
    }
    std::vector<std::string> stale;
    for (const auto& f : previous)
      if (!ours.count(f) && !ownedByOthers.count(f)) stale.push_back(f);
    return stale;
  }

  std::string path_;
  SaveOptions options_;
};

}  // namespace

IOHandlerPtr fileSystem(const std::string& path, const SaveOptions& saveOptions) {
  if (path.empty()) throw Error("io.fileSystem: the path is empty");
  return std::make_shared<FileSystemHandler>(path, saveOptions);
}

}  // namespace edgeflow::io
