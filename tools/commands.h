// The subcommands of the `edgeflow` command-line tool. Each adds itself to the app; its callback
// runs the command and throws edgeflow::Error (or std::exception) on failure.
#pragma once
#include <CLI/CLI.hpp>

namespace edgeflow::cli {

void addTrainCommand(CLI::App& app);    // train a Dense classifier/regressor from a CSV file
void addSummaryCommand(CLI::App& app);  // print a saved model's Keras summary table
void addPredictCommand(CLI::App& app);  // run a saved model on JSON, .npy or image input
void addMnistSpriteCommand(CLI::App& app);  // MNIST idx files -> the TF.js course's sprite + labels
void addServeCommand(CLI::App& app);        // static files + model uploads over HTTP

}  // namespace edgeflow::cli
