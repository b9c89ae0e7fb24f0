// Model files in a directory: where a handler's path points, and which weight files belong to
// which model.json (so saving never clobbers another model and removing deletes only its own).
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "edgeflow/io.h"

namespace edgeflow::io::detail {

// The model.json a load/remove path means: the path itself, or <dir>/model.json for a directory.
std::filesystem::path modelJsonForLoad(const std::string& pathOrUrl);
// The model.json a save path means: a path ending in .json, else <dir>/model.json.
std::filesystem::path modelJsonForSave(const std::string& pathOrUrl);

// The model JSON files directly inside `dir` (other *.json files are ignored) and the weight
// files each lists (normalised relative paths). Files that fail to parse are left out.
std::map<std::string, std::vector<std::string>> modelFilesIn(const std::filesystem::path& dir);

// Reads model.json and its weights from disk (the fileSystem handler's load).
ModelArtifacts loadModelFromDisk(const std::filesystem::path& modelJson);
// ModelArtifactsInfo from a model.json alone (weight bytes from its manifest); dateSaved is the
// file's modification time.
ModelArtifactsInfo infoFromModelJson(const std::filesystem::path& modelJson);

}  // namespace edgeflow::io::detail
