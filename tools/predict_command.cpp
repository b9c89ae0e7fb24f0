// edgeflow predict MODEL INPUT [--out FILE]: runs a saved model on one input (or a batch).
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "commands.h"
#include "edgeflow/edgeflow.h"
#include "io/npy.h"
#include "model_input.h"
#include "model_loading.h"

namespace edgeflow::cli {
namespace {

struct PredictOptions {
  std::string model;
  std::string input;
  std::string out;
  double scale = 1;
  double offset = 0;
  bool classes = false;
};

void writeText(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  if (!f || !(f << text << '\n')) throw Error("cannot write '" + path + "'");
}

// The class name of each row's largest output, as JSON strings.
std::string classNamesJson(const Tensor& output, const std::vector<std::string>& names) {
  if (output.rank() != 2 || output.shape()[1] != int64_t(names.size()))
    throw Error("--classes: the output shape " + shapeToString(output.shape()) + " does not match the " +
                std::to_string(names.size()) + " class names in the model's metadata");
  std::vector<int32_t> best = argMax(output, 1).dataSync<int32_t>();
  io::Json list = io::Json::array();
  for (int32_t i : best) list.push_back(names[size_t(i)]);
  return list.dump();
}

void run(const PredictOptions& o) {
  LoadedModel loaded = loadModel(o.model);
  const LayersModel& model = loaded.model;
  auto inputs = model.inputs();
  if (inputs.size() != 1)
    throw Error("the model has " + std::to_string(inputs.size()) + " inputs; predict feeds exactly one");
  if (o.classes && loaded.classNames.empty())
    throw Error(
        "--classes: the model's userDefinedMetadata has no classNames (models saved by `edgeflow train` have them)");
  tidy([&] {
    Tensor x = fitToModelInput(readInput(o.input, inputs[0].shape()), inputs[0].shape(), inputs[0].dtype());
    if (o.scale != 1 || o.offset != 0) {
      if (x.dtype() != DType::float32) throw Error("--scale/--offset need a float32 model input");
      x = add(mul(x, scalar(o.scale)), scalar(o.offset));
    }
    std::vector<Tensor> outputs = model.predictMulti(x);
    std::string text;
    if (o.classes) {
      text = classNamesJson(outputs[0], loaded.classNames);
    } else if (outputs.size() == 1) {
      text = tensorToJson(outputs[0]);
    } else {  // one JSON array per output, in order
      text = "[";
      for (size_t i = 0; i < outputs.size(); ++i) text += (i ? ", " : "") + tensorToJson(outputs[i]);
      text += "]";
    }
    if (o.out.empty()) {
      std::printf("%s\n", text.c_str());
    } else if (o.out.size() >= 5 && o.out.compare(o.out.size() - 5, 5, ".json") == 0) {
      writeText(o.out, text);
    } else {
      if (outputs.size() != 1 || o.classes)
        throw Error("--out " + o.out + ": a .npy file holds one output tensor (use a .json file instead)");
      io::writeNpy(o.out, outputs[0]);
    }
  });
}

}  // namespace

void addPredictCommand(CLI::App& app) {
  auto o = std::make_shared<PredictOptions>();
  CLI::App* cmd = app.add_subcommand("predict", "Run a saved model on an input and print the output as JSON");
  cmd->add_option("MODEL", o->model, "Model directory, model.json path, file:// or http(s):// URL")->required();
  cmd->add_option("INPUT", o->input,
                  "A JSON array (literal or .json file), a .npy file (float32/float64/int32/int64/uint8/bool, "
                  "C order), or a PNG/JPEG image (resized to the model's input height and width). "
                  "The batch dimension is added when missing.")
      ->required();
  cmd->add_option("--out,-o", o->out, "Write the output to FILE: .npy (float32) or .json");
  cmd->add_option("--scale", o->scale, "Multiply the input by this before predicting (e.g. 0.00392157 for 1/255)");
  cmd->add_option("--offset", o->offset, "Then add this to the input");
  cmd->add_flag("--classes", o->classes,
                "Print the name of the most likely class of each row (needs classNames in the model's metadata)");
  cmd->callback([o] { run(*o); });
}

}  // namespace edgeflow::cli
