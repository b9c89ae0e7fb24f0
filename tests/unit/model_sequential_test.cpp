// Sequential models end to end: the linear example, predict, evaluate, summary, weights, memory.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

Sequential linearModel() {
  auto model = sequential();
  model.add(layers::dense({.units = 1, .inputShape = {1}}));
  model.compile({.optimizer = "sgd", .loss = "meanSquaredError"});
  return model;
}

}  // namespace

// The TF.js getting-started example: y = 2x - 1 learnt from six points.
TEST(ModelSequential, LearnsLinearFunction) {
  auto model = linearModel();
  Tensor xs = tensor2d({-1, 0, 1, 2, 3, 4}, {6, 1});
  Tensor ys = tensor2d({-3, -1, 1, 3, 5, 7}, {6, 1});
  int epochsSeen = 0;
  double lastLoss = -1;
  auto history = model.fit(xs, ys,
                           {.epochs = 500,
                            .verbose = 0,
                            .callbacks = {.onEpochEnd = [&](int epoch, const Logs& logs) {
                              epochsSeen = epoch + 1;
                              lastLoss = logs.at("loss");
                            }}});
  EXPECT_EQ(epochsSeen, 500);
  ASSERT_EQ(history.history.at("loss").size(), 500u);
  EXPECT_EQ(history.epoch.back(), 499);
  EXPECT_DOUBLE_EQ(history.history.at("loss").back(), lastLoss);
  EXPECT_LT(history.history.at("loss").back(), history.history.at("loss").front());
  double prediction = model.predict(tensor2d({{10}})).dataSync()[0];
  EXPECT_NEAR(prediction, 19, 0.1);
}

TEST(ModelSequential, PredictBatchesAndKeepsOrder) {
  auto model = sequential();
  model.add(layers::dense({.units = 2, .useBias = false, .inputShape = {3}}));
  model.setWeights({tensor2d({1, 0, 0, 1, 1, 1}, {3, 2})});
  Tensor x = tensor2d({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {5, 3});
  Tensor y = model.predict(x, {.batchSize = 2});
  EXPECT_EQ(y.shape(), (Shape{5, 2}));
  // [x0 + x2, x1 + x2] per row
  EXPECT_EQ(y.dataSync(), (std::vector<float>{4, 5, 10, 11, 16, 17, 22, 23, 28, 29}));
}

TEST(ModelSequential, EvaluateAveragesOverBatches) {
  auto model = sequential();
  model.add(layers::dense({.units = 1, .useBias = false, .kernelInitializer = "ones", .inputShape = {1}}));
  model.compile({.optimizer = "sgd", .loss = "meanSquaredError", .metrics = {"mae"}});
  Tensor x = tensor2d({1, 2, 3}, {3, 1});
  Tensor y = tensor2d({1, 4, 6}, {3, 1});  // errors 0, 2, 3
  auto out = model.evaluate(x, y, {.batchSize = 2});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NEAR(out[0].dataSync()[0], (0 + 4 + 9) / 3.0, 1e-6);
  EXPECT_NEAR(out[1].dataSync()[0], (0 + 2 + 3) / 3.0, 1e-6);
}

TEST(ModelSequential, WrongInputShapeNamesLayerAndShapes) {
  auto model = linearModel();
  try {
    model.predict(tensor2d({1, 2, 3, 4}, {2, 2}));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("dense_Dense"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[null,1]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[2,2]"), std::string::npos) << msg;
  }
  // Applying the layer directly names the layer and the expected axis size.
  try {
    model.layers()[0].apply(tensor2d({1, 2, 3, 4}, {2, 2}));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find(model.layers()[0].name()), std::string::npos) << msg;
    EXPECT_NE(msg.find("[2,2]"), std::string::npos) << msg;
  }
}

TEST(ModelSequential, FitOnEmptyDataSaysSo) {
  auto model = linearModel();
  try {
    model.fit(zeros({0, 1}), zeros({0, 1}), {.verbose = 0});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
  }
}

TEST(ModelSequential, UncompiledFitThrows) {
  auto model = sequential();
  model.add(layers::dense({.units = 1, .inputShape = {1}}));
  EXPECT_THROW(model.fit(ones({2, 1}), ones({2, 1}), {.verbose = 0}), Error);
}

TEST(ModelSequential, SummaryMatchesTfjsLayout) {
  auto model = sequential({.name = "summary_model"});
  model.add(layers::dense({.units = 3, .activation = "relu", .inputShape = {4}, .name = "hidden"}));
  model.add(layers::dense({.units = 1, .name = "out"}));
  std::vector<std::string> lines;
  model.summary(std::nullopt, {}, [&](const std::string& l) { lines.push_back(l); });
  // Expected text from TF.js 4.22's model.summary() for the same model.
  std::vector<std::string> expected = {
      std::string(90, '_'),
      "Layer (type)                Input Shape               Output shape              Param #   ",
      std::string(90, '='),
      "hidden (Dense)              [[null,4]]                [null,3]                  15        ",
      std::string(90, '_'),
      "out (Dense)                 [[null,3]]                [null,1]                  4         ",
      std::string(90, '='),
      "Total params: 19",
      "Trainable params: 19",
      "Non-trainable params: 0",
      std::string(90, '_')};
  EXPECT_EQ(lines, expected);
  // Compiling changes nothing (TF.js counts a Sequential's own trainable weights either way).
  model.compile({.optimizer = "sgd", .loss = "meanSquaredError"});
  lines.clear();
  model.summary(std::nullopt, {}, [&](const std::string& l) { lines.push_back(l); });
  EXPECT_EQ(lines, expected);
}

TEST(ModelSequential, GetAndSetWeights) {
  auto model = sequential();
  model.add(layers::dense({.units = 2, .inputShape = {3}}));
  auto w = model.getWeights();
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].shape(), (Shape{3, 2}));
  EXPECT_EQ(w[1].shape(), (Shape{2}));
  EXPECT_EQ(model.weights()[0].name(), model.layers()[0].name() + "/kernel");
  EXPECT_EQ(model.weights()[1].name(), model.layers()[0].name() + "/bias");
  model.setWeights({ones({3, 2}), tensor1d({1, 2})});
  EXPECT_EQ(model.getWeights()[1].dataSync(), (std::vector<float>{1, 2}));
  EXPECT_THROW(model.setWeights({ones({3, 2})}), Error);
  EXPECT_THROW(model.setWeights({ones({2, 2}), ones({2})}), Error);
}

TEST(ModelSequential, FrozenLayersDoNotMove) {
  auto model = sequential();
  model.add(layers::dense({.units = 2, .inputShape = {2}}));
  model.add(layers::dense({.units = 1}));
  model.layers()[0].setTrainable(false);
  model.compile({.optimizer = train::sgd(0.1), .loss = "meanSquaredError"});
  auto before0 = model.layers()[0].getWeights()[0].dataSync();
  auto before1 = model.layers()[1].getWeights()[0].dataSync();
  model.fit(tensor2d({1, 2, 3, 4}, {2, 2}), tensor2d({1, 0}, {2, 1}), {.epochs = 3, .verbose = 0});
  EXPECT_EQ(model.layers()[0].getWeights()[0].dataSync(), before0);
  EXPECT_NE(model.layers()[1].getWeights()[0].dataSync(), before1);
  EXPECT_EQ(model.trainableWeights().size(), 2u);
  EXPECT_EQ(model.nonTrainableWeights().size(), 2u);
}

TEST(ModelSequential, PopRemovesTheLastLayer) {
  auto model = sequential();
  model.add(layers::dense({.units = 4, .inputShape = {2}}));
  model.add(layers::dense({.units = 3}));
  EXPECT_EQ(model.outputs()[0].shape(), (Shape{-1, 3}));
  model.pop();
  EXPECT_EQ(model.layers().size(), 1u);
  EXPECT_EQ(model.outputs()[0].shape(), (Shape{-1, 4}));
  EXPECT_EQ(model.predict(ones({1, 2})).shape(), (Shape{1, 4}));
  model.pop();
  EXPECT_THROW(model.pop(), Error);
}

TEST(ModelSequential, FitAndPredictLeaveMemoryAtBaseline) {
  auto model = linearModel();
  Tensor xs = tensor2d({-1, 0, 1, 2, 3, 4}, {6, 1});
  Tensor ys = tensor2d({-3, -1, 1, 3, 5, 7}, {6, 1});
  model.fit(xs, ys, {.epochs = 2, .verbose = 0});  // creates the optimizer's state
  model.predict(xs).dispose();
  auto baseline = memory();
  for (int i = 0; i < 5; ++i) {
    model.fit(xs, ys, {.batchSize = 4, .epochs = 3, .verbose = 0, .validationSplit = 0.3});
    model.predict(xs, {.batchSize = 4}).dispose();
    model.evaluate(xs, ys);
  }
  auto after = memory();
  EXPECT_EQ(after.numTensors, baseline.numTensors);
  EXPECT_EQ(after.numBytes, baseline.numBytes);
}

TEST(ModelSequential, DisposeFreesWeights) {
  auto before = memory();
  {
    auto model = linearModel();
    model.fit(ones({2, 1}), ones({2, 1}), {.verbose = 0});
    auto r = model.dispose();
    EXPECT_EQ(r.refCountAfterDispose, 0);
    EXPECT_GE(r.numDisposedVariables, 2);
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
}

TEST(ModelSequential, PredictOnBatchChecksTheBatchAxisToo) {
  auto model = sequential();
  model.add(layers::dense({.units = 1, .useBias = false, .kernelInitializer = "ones", .batchInputShape = {2, 3}}));
  EXPECT_EQ(model.predictOnBatch(ones({2, 3})).dataSync(), (std::vector<float>{3, 3}));
  EXPECT_THROW(model.predictOnBatch(ones({4, 3})), Error);  // the batch size is part of the input shape
  EXPECT_EQ(model.predict(ones({4, 3})).shape(), (Shape{4, 1}));  // predict ignores it
}

TEST(ModelSequential, NamedWeightsLoadByOriginalName) {
  auto a = sequential();
  a.add(layers::dense({.units = 2, .inputShape = {3}, .name = "first"}));
  auto named = a.getNamedWeights();
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[0].name, "first/kernel");
  EXPECT_EQ(named[1].name, "first/bias");
  auto b = sequential();
  b.add(layers::dense({.units = 2, .inputShape = {3}, .name = "first"}));  // its variables get "_1" names
  EXPECT_EQ(b.weights()[0].name(), "first/kernel_1");
  b.loadWeights({{"first/kernel", named[0].tensor}, {"first/bias", tensor1d({1, 2})}});
  EXPECT_EQ(b.getWeights()[0].dataSync(), named[0].tensor.dataSync());
  EXPECT_EQ(b.getWeights()[1].dataSync(), (std::vector<float>{1, 2}));
  EXPECT_THROW(b.loadWeights({{"first/kernel", named[0].tensor}}), Error);  // strict: bias missing
  EXPECT_THROW(b.loadWeights({{"nope", ones({1})}, {"first/kernel", named[0].tensor}, {"first/bias", ones({2})}}), Error);
  b.loadWeights({{"first/bias", zeros({2})}}, false);
  EXPECT_EQ(b.getWeights()[1].dataSync(), (std::vector<float>{0, 0}));
}
