// tfjs-layers' losses and metrics, and how compile() resolves them. Numbers from TF.js 4.22.
#include <gtest/gtest.h>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {
void expectNear(const Tensor& t, const std::vector<double>& want, double tol = 1e-5) {
  auto got = t.dataSync<double>();
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::abs(want[i]))) << i;
}
Tensor yTrue() { return tensor2d({0, 1, 0, 1, 0, 0}, {2, 3}); }
Tensor yPred() { return tensor2d({0.2, 0.7, 0.1, 0.3, 0.3, 0.4}, {2, 3}); }
}  // namespace

TEST(TrainLosses, AllFourteenMatchTfjs) {
  const std::vector<std::pair<std::string, std::vector<double>>> expected = {
      {"meanSquaredError", {0.046666671, 0.24666667}},
      {"meanAbsoluteError", {0.2, 0.46666667}},
      {"meanAbsolutePercentageError", {100000020, 233333340}},
      {"meanSquaredLogarithmicError", {0.02291251, 0.12254079}},
      {"squaredHinge", {0.69666672, 0.83000004}},
      {"hinge", {0.76666671, 0.90000004}},
      {"categoricalHinge", {0.5, 1.1}},
      {"logcosh", {0.02306686, 0.11652146}},
      {"categoricalCrossentropy", {0.35667497, 1.2039728}},
      {"binaryCrossentropy", {0.228393, 0.69049114}},
      {"kullbackLeiblerDivergence", {0.35667497, 1.2039728}},
      {"poisson", {0.45222491, 0.73465753}},
      {"cosineProximity", {-0.95257938, -0.51449579}}};
  for (auto& [name, want] : expected) {
    SCOPED_TRACE(name);
    expectNear(layers::losses::get(name)(yTrue(), yPred()), want);
  }
  expectNear(layers::losses::get("sparseCategoricalCrossentropy")(tensor2d({1, 0}, {2, 1}), yPred()),
             {0.35667497, 1.2039728});
  EXPECT_EQ(layers::losses::names().size(), 14u);
}

TEST(TrainLosses, UnknownLossListsValidNames) {
  try {
    layers::losses::get("softmaxCrossEntropy");
    FAIL();
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Unknown loss softmaxCrossEntropy"), std::string::npos) << msg;
    EXPECT_NE(msg.find("categoricalCrossentropy"), std::string::npos) << msg;
    EXPECT_NE(msg.find("poisson"), std::string::npos) << msg;
  }
  auto model = sequential();
  model.add(layers::dense({.units = 1, .inputShape = {1}}));
  EXPECT_THROW(model.compile({.optimizer = "sgd", .loss = "nope"}), Error);
  EXPECT_THROW(model.compile({.optimizer = "sgd", .loss = "mse", .metrics = {"nope"}}), Error);
  EXPECT_THROW(model.compile({.loss = "mse"}), Error);  // no optimizer
}

TEST(TrainMetrics, MatchTfjs) {
  expectNear(metrics::categoricalAccuracy(yTrue(), yPred()), {1, 0});
  expectNear(metrics::binaryAccuracy(yTrue(), yPred()), {1, 0.66666669});
  expectNear(metrics::precision(tensor1d({1, 0, 1, 1}), tensor1d({1, 1, 0, 1})), {0.66666669});
  expectNear(metrics::recall(tensor1d({1, 0, 1, 1}), tensor1d({1, 1, 0, 1})), {0.66666669});
  expectNear(metrics::cosineProximity(yTrue(), yPred()), {-0.95257938, -0.51449579});
  expectNear(metrics::MAPE(yTrue(), yPred()), {100000020, 233333340});
  expectNear(metrics::sparseCategoricalAccuracy(tensor2d({1, 2}, {2, 1}), yPred()), {1, 1});
  expectNear(metrics::precision(tensor1d({0, 0}), tensor1d({0, 0})), {0});  // no positives: 0, not NaN
}

TEST(TrainMetrics, TopK) {
  Tensor pred = tensor2d({0.1, 0.5, 0.4, 0.7, 0.2, 0.1}, {2, 3});
  expectNear(metrics::topKCategoricalAccuracy(tensor2d({0, 0, 1, 0, 0, 1}, {2, 3}), pred, 2), {1, 0});
  expectNear(metrics::sparseTopKCategoricalAccuracy(tensor1d({2, 1}), pred, 2), {1, 1});
  expectNear(metrics::sparseTopKCategoricalAccuracy(tensor1d({2, 2}), pred, 1), {0, 0});
}

TEST(TrainMetrics, CompileResolvesAccuracyByOutputAndLoss) {
  auto binary = sequential();
  binary.add(layers::dense({.units = 1, .activation = "sigmoid", .inputShape = {2}}));
  binary.compile({.optimizer = "sgd", .loss = "binaryCrossentropy", .metrics = {"accuracy", "mse", "ce"}});
  EXPECT_EQ(binary.metricsNames(), (std::vector<std::string>{"loss", "acc", "mse", "ce"}));
  // one output unit: "accuracy" is binaryAccuracy
  auto out = binary.evaluate(tensor2d({1, 1, -1, -1}, {2, 2}), tensor2d({1, 0}, {2, 1}));
  ASSERT_EQ(out.size(), 4u);
  Tensor p = binary.predict(tensor2d({1, 1, -1, -1}, {2, 2}));
  Tensor y = tensor2d({1, 0}, {2, 1});
  EXPECT_NEAR(out[1].dataSync()[0], mean(metrics::binaryAccuracy(y, p)).dataSync()[0], 1e-6);
  EXPECT_NEAR(out[3].dataSync()[0], mean(metrics::binaryCrossentropy(y, p)).dataSync()[0], 1e-6);

  auto sparse = sequential();
  sparse.add(layers::dense({.units = 3, .activation = "softmax", .inputShape = {2}}));
  sparse.compile({.optimizer = "adam", .loss = "sparseCategoricalCrossentropy", .metrics = {"acc"}});
  Tensor x = tensor2d({1, 2, 3, 4}, {2, 2});
  Tensor labels = tensor2d({2, 0}, {2, 1});
  auto r = sparse.evaluate(x, labels);
  EXPECT_NEAR(r[1].dataSync()[0], mean(metrics::sparseCategoricalAccuracy(labels, sparse.predict(x))).dataSync()[0], 1e-6);

  auto custom = sequential();
  custom.add(layers::dense({.units = 1, .inputShape = {1}}));
  custom.compile({.optimizer = "sgd",
                  .loss = [](const Tensor& t, const Tensor& p) { return mean(abs(sub(t, p)), Axes(-1)); },
                  .metrics = {LossOrMetric(metrics::meanSquaredError, "my_mse"), "mse"}});
  EXPECT_EQ(custom.metricsNames(), (std::vector<std::string>{"loss", "my_mse", "mse"}));
  auto h = custom.fit(ones({4, 1}), ones({4, 1}), {.epochs = 2, .verbose = 0});
  EXPECT_EQ(h.history.count("my_mse"), 1u);
  EXPECT_EQ(h.history.at("loss").size(), 2u);
}

TEST(TrainLosses, TargetShapeChecks) {
  auto model = sequential();
  model.add(layers::dense({.units = 3, .activation = "softmax", .inputShape = {2}}));
  model.compile({.optimizer = "sgd", .loss = "categoricalCrossentropy"});
  EXPECT_THROW(model.fit(ones({2, 2}), ones({2, 1}), {.verbose = 0}), Error);  // not one-hot
  EXPECT_THROW(model.fit(ones({2, 2}), ones({2, 4}), {.verbose = 0}), Error);  // wrong classes
  EXPECT_THROW(model.fit(ones({2, 2}), ones({3, 3}), {.verbose = 0}), Error);  // sample counts differ
}
