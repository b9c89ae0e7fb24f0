// Model files on disk: resolving handler paths, reading a model, and who owns which weight file.
#include "io/model_dir.h"

#include <chrono>
#include <ctime>

#include "io/file_io.h"
#include "io/io_internal.h"

namespace edgeflow::io::detail {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr uintmax_t kMaxModelJsonBytes = uintmax_t{256} << 20;

}  // namespace

fs::path modelJsonForLoad(const std::string& pathOrUrl) {
  fs::path p = stripFileScheme(pathOrUrl);
  if (p.empty()) throw Error("io.fileSystem: the path is empty");
  std::error_code ec;
  if (fs::is_directory(p, ec)) return p / "model.json";
  return p;
}

fs::path modelJsonForSave(const std::string& pathOrUrl) {
  fs::path p = stripFileScheme(pathOrUrl);
  if (p.empty()) throw Error("io.fileSystem: the path is empty");
  std::error_code ec;
  if (!fs::is_directory(p, ec) && endsWith(p.string(), ".json")) return p;
  return p / "model.json";
}

std::map<std::string, std::vector<std::string>> modelFilesIn(const fs::path& dir) {
  std::map<std::string, std::vector<std::string>> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::error_code e2;
    if (!endsWith(name, ".json") || !entry.is_regular_file(e2) || entry.file_size(e2) > kMaxModelJsonBytes) continue;
    try {
      ModelJSON m = parseModelJSON(readFileText(entry.path(), "model JSON"), entry.path().string());
      std::vector<std::string> files;
      if (m.weightsManifest)
        for (size_t g = 0; g < m.weightsManifest->size(); ++g)
          for (const auto& p : (*m.weightsManifest)[g].paths) {
            try {
              files.push_back(checkWeightPath(p, g, name));
            } catch (const Error&) {  // a path outside the folder belongs to nothing here
            }
          }
      out[name] = std::move(files);
    } catch (const Error&) {  // not a model JSON
    }
  }
  return out;
}

ModelArtifacts loadModelFromDisk(const fs::path& modelJson) {
  const std::string source = modelJson.string();
  ModelJSON m = parseModelJSON(readFileText(modelJson, "model JSON"), source);
  std::optional<std::vector<uint8_t>> data;
  if (m.weightsManifest) {
    const fs::path dir = modelJson.parent_path();
    auto fetch = [&](const std::string& rel) { return readFileBytes(dir / rel, "weight file"); };
    auto loaded = fetchWeights(*m.weightsManifest, fetch, source);
    data = std::move(loaded.data);
  }
  return getModelArtifactsForJSON(m, std::move(data));
}

ModelArtifactsInfo infoFromModelJson(const fs::path& modelJson) {
  ModelJSON m = parseModelJSON(readFileText(modelJson, "model JSON"), modelJson.string());
  ModelArtifacts a;
  a.modelTopology = m.modelTopology;
  int64_t bytes = 0;
  if (m.weightsManifest) {
    a.weightSpecs = getWeightSpecs(*m.weightsManifest);
    for (const auto& group : *m.weightsManifest) {
      int64_t b = groupByteLength(group);
      if (b >= 0) {
        bytes += b;
      } else {  // string weights: the shard sizes tell
        std::error_code ec;
        for (const auto& p : group.paths) {
          auto size = fs::file_size(modelJson.parent_path() / p, ec);
          if (!ec) bytes += static_cast<int64_t>(size);
        }
      }
    }
  }
  ModelArtifactsInfo info = getModelArtifactsInfoForJSON(a);
  info.weightDataBytes = bytes;
  std::error_code ec;
  auto mtime = fs::last_write_time(modelJson, ec);
  if (!ec) {
    auto sys = std::chrono::time_point_cast<std::chrono::seconds>(
        mtime - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    std::time_t t = std::chrono::system_clock::to_time_t(sys);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    info.dateSaved = buf;
  }
  return info;
}

}  // namespace edgeflow::io::detail
