// edgeflow train: a Dense network trained on a CSV file, saved as model.json + weight shards.
// A string label, or an integer label with at most kMaxIntegerClasses distinct values (and at most
// half as many as rows), makes a classifier (one-hot labels, softmax, categoricalCrossentropy,
// accuracy); any other label a regressor (one linear unit, meanSquaredError). The rows are
// shuffled once (seeded by --seed) before the last --validation-split of them is held out, so a
// file sorted by label still validates on every class.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "edgeflow/edgeflow.h"

namespace edgeflow::cli {
namespace {

constexpr size_t kMaxIntegerClasses = 10;

struct TrainOptions {
  std::string csv;
  std::string label;
  std::string hidden = "5";
  std::string activation = "sigmoid";
  std::string optimizer = "adam";
  double lr = 0.06;
  int epochs = 100;
  int batch = 10;
  double validationSplit = 0;
  int64_t seed = -1;  // -1: random
  std::string task = "auto";
  std::string out;
  bool overwrite = false;
  int verbose = 1;
};

struct Table {
  std::vector<std::string> features;
  std::vector<float> xs;  // rows x features
  std::vector<data::Cell> labels;
};

Table readTable(const TrainOptions& o) {
  std::vector<std::string> columns = data::csv(o.csv).columnNames();  // checks the file and header
  if (std::find(columns.begin(), columns.end(), o.label) == columns.end()) {
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
    throw Error("label column '" + o.label + "' is not in " + o.csv + "; its columns are: " + list);
  }
  if (columns.size() < 2) throw Error(o.csv + " has no feature columns besides the label '" + o.label + "'");
  Table t;
  for (const auto& c : columns)
    if (c != o.label) t.features.push_back(c);
  auto rows = data::csv(o.csv, {.columnConfigs = {{o.label, {.isLabel = true}}}});
  int64_t row = 0;
  rows.forEach([&](const data::CsvRow& r) {
    ++row;
    for (const auto& [column, cell] : r.xs) {
      if (!cell.isNumber())
        throw Error(o.csv + ": row " + std::to_string(row) + ", column '" + column +
                    "': feature values must be numbers, found " +
                    (cell.isMissing() ? std::string("an empty field") : "'" + cell.toString() + "'"));
      t.xs.push_back(float(cell.number()));
    }
    t.labels.push_back(r.ys[o.label]);
  });
  if (t.labels.empty()) throw Error(o.csv + " has no data rows");
  return t;
}

// The classes of a classification label: strings in order of appearance, numbers ascending.
std::optional<std::vector<std::string>> classesOf(const std::vector<data::Cell>& labels, const std::string& task) {
  bool anyString = std::any_of(labels.begin(), labels.end(), [](const data::Cell& c) { return c.isString(); });
  if (task == "regression") {
    if (anyString) throw Error("--task regression needs a numeric label, but it holds strings");
    return std::nullopt;
  }
  std::vector<std::string> names;
  std::set<std::string> seen;
  if (anyString) {
    for (const auto& c : labels)
      if (seen.insert(c.toString()).second) names.push_back(c.toString());
    return names;
  }
  std::set<double> values;
  bool integers = true;
  for (const auto& c : labels) {
    integers = integers && std::floor(c.number()) == c.number();
    values.insert(c.number());
  }
  // Few distinct integers, each seen twice on average: classes (the course's y = 2x - 1 is not).
  if (task == "auto" && (!integers || values.size() > kMaxIntegerClasses || values.size() * 2 > labels.size()))
    return std::nullopt;
  for (double v : values) names.push_back(data::Cell(v).toString());
  return names;
}

std::vector<int64_t> parseHidden(const std::string& text) {
  std::vector<int64_t> units;
  if (text.empty() || text == "none") return units;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t used = 0;
    long long v = 0;
    try {
      v = std::stoll(part, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != part.size() || v < 1)
      throw Error("--hidden: expected positive layer sizes separated by commas (e.g. 5,8), got '" + text + "'");
    units.push_back(v);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return units;
}

train::OptimizerPtr makeOptimizer(const std::string& name, double lr) {
  if (name == "sgd") return train::sgd(lr);
  if (name == "momentum") return train::momentum(lr, 0.9);
  if (name == "rmsprop") return train::rmsprop(lr);
  if (name == "adam") return train::adam(lr);
  if (name == "adadelta") return train::adadelta(lr);
  if (name == "adamax") return train::adamax(lr);
  if (name == "adagrad") return train::adagrad(lr);
  train::getOptimizer(name);  // throws, listing the valid names
  throw Error("--optimizer " + name + ": use one of sgd, momentum, rmsprop, adam, adadelta, adamax, adagrad");
}

std::string formatLogs(const std::vector<std::string>& names, const std::vector<Tensor>& values) {
  std::string s;
  for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%s %.4f", s.empty() ? "" : ", ", names[i].c_str(),
                  values[i].dataSync<double>()[0]);
    s += buf;
  }
  return s;
}

void run(const TrainOptions& o) {
  Table table = readTable(o);
  const int64_t n = int64_t(table.labels.size()), f = int64_t(table.features.size());
  std::optional<std::vector<std::string>> classes = classesOf(table.labels, o.task);
  const int64_t outputs = classes ? int64_t(classes->size()) : 1;
  if (classes && classes->size() < 2)
    throw Error("label column '" + o.label + "' has only one class (" + classes->front() +
                "); a classifier needs two or more");

  std::vector<float> ys(size_t(n * outputs), 0.f);
  for (int64_t i = 0; i < n; ++i) {
    if (classes) {
      auto it = std::find(classes->begin(), classes->end(), table.labels[size_t(i)].toString());
      ys[size_t(i * outputs + (it - classes->begin()))] = 1.f;
    } else {
      ys[size_t(i)] = float(table.labels[size_t(i)].number());
    }
  }

  const uint32_t seed = o.seed >= 0 ? uint32_t(o.seed) : std::random_device{}();
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  const int64_t numVal = int64_t(std::floor(double(n) * o.validationSplit));
  const int64_t numTrain = n - numVal;
  if (numTrain < 1) throw Error("--validation-split " + std::to_string(o.validationSplit) + " leaves no training rows");

  auto gatherRows = [&](const std::vector<float>& src, int64_t width, int64_t begin, int64_t end) {
    std::vector<float> out;
    out.reserve(size_t((end - begin) * width));
    for (int64_t i = begin; i < end; ++i)
      out.insert(out.end(), src.begin() + order[size_t(i)] * width, src.begin() + (order[size_t(i)] + 1) * width);
    return tensor(out, {end - begin, width});
  };
  Tensor xTrain = gatherRows(table.xs, f, 0, numTrain), yTrain = gatherRows(ys, outputs, 0, numTrain);
  Tensor xVal = gatherRows(table.xs, f, numTrain, n), yVal = gatherRows(ys, outputs, numTrain, n);

  // One example per row, shuffled each epoch with a seed: fit() shuffles with an unseeded engine.
  std::vector<data::Example> examples;
  for (int64_t i = 0; i < numTrain; ++i)
    examples.push_back(
        {reshape(slice(xTrain, {i, 0}, {1, f}), {f}), reshape(slice(yTrain, {i, 0}, {1, outputs}), {outputs})});
  auto dataset = data::array(std::move(examples)).shuffle(numTrain, std::to_string(seed)).batch(o.batch);

  auto model = sequential();
  int64_t layerIndex = 0;
  auto init = [&] { return initializers::glorotNormal({.seed = double(seed) + double(layerIndex++)}); };
  std::vector<int64_t> hidden = parseHidden(o.hidden);
  for (size_t i = 0; i < hidden.size(); ++i) {
    layers::DenseLayerArgs args{.units = hidden[i], .activation = o.activation, .kernelInitializer = init()};
    if (i == 0) args.inputShape = {f};
    model.add(layers::dense(args));
  }
  layers::DenseLayerArgs last{
      .units = outputs, .activation = classes ? "softmax" : "linear", .kernelInitializer = init()};
  if (hidden.empty()) last.inputShape = {f};
  model.add(layers::dense(last));

  std::cout << (classes ? "classifier" : "regressor") << ": " << n << " rows (" << numTrain << " training, " << numVal
            << " validation), " << f << " features -> label '" << o.label << "'";
  if (classes) {
    std::cout << " (" << classes->size() << " classes:";
    for (const auto& c : *classes) std::cout << " " << c;
    std::cout << ")";
  }
  std::cout << ", seed " << seed << "\n";
  // The summary comes before compile(): a compiled Sequential's summary counts 0 params (models' bug).
  if (o.verbose) model.summary(std::nullopt, {}, [](const std::string& line) { std::cout << line << "\n"; });
  if (classes)
    model.compile(
        {.optimizer = makeOptimizer(o.optimizer, o.lr), .loss = "categoricalCrossentropy", .metrics = {"accuracy"}});
  else
    model.compile({.optimizer = makeOptimizer(o.optimizer, o.lr), .loss = "meanSquaredError"});

  ModelFitDatasetArgs fit{.epochs = o.epochs, .verbose = o.verbose};
  if (numVal > 0) fit.validationData = {xVal, yVal};
  model.fitDataset(dataset, fit);

  std::vector<std::string> names = model.metricsNames();
  tidy([&] {
    std::cout << "final training metrics: " << formatLogs(names, model.evaluate(xTrain, yTrain)) << "\n";
    if (numVal > 0) std::cout << "final validation metrics: " << formatLogs(names, model.evaluate(xVal, yVal)) << "\n";
  });

  io::Json meta = {{"generatedBy", "edgeflow train"},
                   {"task", classes ? "classification" : "regression"},
                   {"label", o.label},
                   {"featureColumns", table.features}};
  if (classes) meta["classNames"] = *classes;
  io::SaveResult saved = io::saveModel(model, o.out, io::SaveOptions{.overwrite = o.overwrite},
                                       io::ModelSaveConfig{.userDefinedMetadata = meta});
  std::cout << "saved the model to " << o.out << ":";
  for (const auto& file : saved.files) std::cout << " " << file;
  std::cout << "\n";
}

}  // namespace

void addTrainCommand(CLI::App& app) {
  auto o = std::make_shared<TrainOptions>();
  CLI::App* cmd = app.add_subcommand("train", "Train a Dense classifier or regressor on a CSV file and save it");
  cmd->add_option("--csv", o->csv, "CSV file with a header row")->required();
  cmd->add_option("--label", o->label, "The column to predict")->required();
  cmd->add_option("--out", o->out, "Directory (or file:// URL) to save model.json and the weight shards to")
      ->required();
  cmd->add_option("--hidden", o->hidden, "Hidden Dense layer sizes, comma-separated, or 'none'")->capture_default_str();
  cmd->add_option("--activation", o->activation, "Activation of the hidden layers (relu, sigmoid, tanh, ...)")
      ->capture_default_str();
  cmd->add_option("--optimizer", o->optimizer, "sgd, momentum, rmsprop, adam, adadelta, adamax or adagrad")
      ->capture_default_str();
  cmd->add_option("--lr", o->lr, "Learning rate")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--epochs", o->epochs, "Passes over the training rows")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--batch", o->batch, "Rows per training step")->capture_default_str()->check(CLI::Range(1, 1 << 30));
  cmd->add_option("--validation-split", o->validationSplit, "Fraction of the (shuffled) rows held out for validation")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.99));
  cmd->add_option("--seed", o->seed, "Seed for the initial weights and the shuffling (default: random)")
      ->check(CLI::Range(int64_t(0), int64_t(UINT32_MAX)));
  cmd->add_option("--task", o->task, "auto, classification or regression")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "classification", "regression"}));
  cmd->add_option("--verbose", o->verbose, "0: only the final metrics, 1: the summary and a line per epoch")
      ->capture_default_str()
      ->check(CLI::Range(0, 1));
  cmd->add_flag("--overwrite", o->overwrite, "Replace a model already saved in --out");
  cmd->callback([o] { run(*o); });
}

}  // namespace edgeflow::cli
