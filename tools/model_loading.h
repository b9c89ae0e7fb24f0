// Loading a saved model for the CLI, with the userDefinedMetadata that `edgeflow train` stores.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/io.h"
#include "edgeflow/models.h"

namespace edgeflow::cli {

struct LoadedModel {
  LayersModel model;
  io::Json userDefinedMetadata;         // null when the file has none
  std::vector<std::string> classNames;  // userDefinedMetadata.classNames, if present
};

// MODEL: a directory holding model.json, a model.json path, a file:// or http(s):// URL.
LoadedModel loadModel(const std::string& url);

}  // namespace edgeflow::cli
