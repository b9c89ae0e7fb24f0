// edgeflow summary MODEL: the Keras summary table of a saved model, plus what `train` stored.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "model_loading.h"

namespace edgeflow::cli {

void addSummaryCommand(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("summary", "Print a saved model's layers, output shapes and parameter counts");
  cmd->add_option("MODEL", *url, "Model directory, model.json path, file:// or http(s):// URL")->required();
  cmd->callback([url] {
    LoadedModel loaded = loadModel(*url);
    loaded.model.summary(std::nullopt, {}, [](const std::string& line) { std::printf("%s\n", line.c_str()); });
    const io::Json& meta = loaded.userDefinedMetadata;
    if (meta.is_object()) {
      if (meta.contains("task") && meta["task"].is_string())
        std::printf("Task: %s\n", meta["task"].get<std::string>().c_str());
      if (meta.contains("label") && meta["label"].is_string())
        std::printf("Label column: %s\n", meta["label"].get<std::string>().c_str());
    }
    if (!loaded.classNames.empty()) {
      std::string names;
      for (const auto& n : loaded.classNames) names += (names.empty() ? "" : ", ") + n;
      std::printf("Classes: %s\n", names.c_str());
    }
  });
}

}  // namespace edgeflow::cli
