// edgeflow: train, inspect and run TF.js layers models from the command line.
//   edgeflow train --csv data.csv --label species --out model/
//   edgeflow summary model/
//   edgeflow predict model/ '[[5.1, 3.5, 1.4, 0.2]]'
//   edgeflow mnist-sprite --images t10k-images-idx3-ubyte.gz --labels t10k-labels-idx1-ubyte.gz
//                         --out-images mnist_images.png --out-labels mnist_labels_uint8
//   edgeflow serve site/ --port 8887   (COOP/COEP headers; POST /upload/NAME stores a model)
// Exit status: 0 on success, 1 on an error (printed to stderr), CLI11's codes for bad arguments.
#include <cstdio>
#include <exception>
#include <string>

#include "commands.h"

#ifndef EDGEFLOW_VERSION
#define EDGEFLOW_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  CLI::App app{"edgeflow: train, inspect and run TF.js layers models (model.json + weight shards)"};
  app.name("edgeflow");
  app.set_version_flag("--version", std::string("edgeflow ") + EDGEFLOW_VERSION + " (TF.js 4.22 compatible)");
  app.require_subcommand(1);
  edgeflow::cli::addTrainCommand(app);
  edgeflow::cli::addSummaryCommand(app);
  edgeflow::cli::addPredictCommand(app);
  edgeflow::cli::addMnistSpriteCommand(app);
  edgeflow::cli::addServeCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    auto run = app.get_subcommands();
    std::string command = run.empty() ? "edgeflow" : "edgeflow " + run.front()->get_name();
    std::fflush(stdout);
    std::fprintf(stderr, "%s: error: %s\n", command.c_str(), e.what());
    return 1;
  }
  return 0;
}
