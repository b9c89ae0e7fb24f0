// fit(): validation, epochs, batches, callbacks, early stopping, weights, trainOnBatch, logging.
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

// y = x through one frozen-by-zero-learning-rate unit: losses are exactly computable.
Sequential identityModel(double lr = 0) {
  auto m = sequential();
  m.add(layers::dense({.units = 1, .useBias = false, .kernelInitializer = "ones", .inputShape = {1}}));
  m.compile({.optimizer = train::sgd(lr), .loss = "meanSquaredError"});
  return m;
}

}  // namespace

TEST(ModelFit, ValidationSplitTakesTheLastFraction) {
  auto m = identityModel();
  Tensor x = tensor2d({1, 2, 3, 4}, {4, 1});
  Tensor y = tensor2d({1, 2, 3, 10}, {4, 1});
  auto h = m.fit(x, y, {.epochs = 2, .verbose = 0, .validationSplit = 0.25, .shuffle = false});
  EXPECT_EQ(h.history.at("loss"), (std::vector<double>{0, 0}));
  EXPECT_EQ(h.history.at("val_loss"), (std::vector<double>{36, 36}));
}

TEST(ModelFit, ValidationDataAndLogKeys) {
  auto m = identityModel();
  m.compile({.optimizer = train::sgd(0), .loss = "meanSquaredError", .metrics = {"mae"}});
  auto h = m.fit(tensor2d({1, 2}, {2, 1}), tensor2d({1, 2}, {2, 1}),
                 {.verbose = 0, .validationData = {tensor2d({1, 2}, {2, 1}), tensor2d({2, 4}, {2, 1})}});
  EXPECT_EQ(h.history.size(), 4u);
  EXPECT_EQ(h.history.at("val_loss")[0], (1 + 4) / 2.0);
  EXPECT_EQ(h.history.at("val_mae")[0], (1 + 2) / 2.0);
  EXPECT_EQ(h.params.metrics, (std::vector<std::string>{"loss", "mae", "val_loss", "val_mae"}));
  EXPECT_TRUE(h.params.doValidation);
}

TEST(ModelFit, BatchesEpochsAndCallbackOrder) {
  auto m = identityModel();
  std::vector<std::string> events;
  std::vector<double> sizes;
  auto h = m.fit(ones({5, 1}), ones({5, 1}),
                 {.batchSize = 2,
                  .epochs = 5,
                  .verbose = 0,
                  .callbacks = {.onTrainBegin = [&](const Logs&) { events.push_back("trainBegin"); },
                                .onTrainEnd = [&](const Logs&) { events.push_back("trainEnd"); },
                                .onEpochBegin = [&](int e, const Logs&) { events.push_back("epochBegin" + std::to_string(e)); },
                                .onEpochEnd = [&](int e, const Logs& l) {
                                  events.push_back("epochEnd" + std::to_string(e));
                                  EXPECT_EQ(l.count("loss"), 1u);
                                },
                                .onBatchBegin = [&](int b, const Logs&) { events.push_back("batchBegin" + std::to_string(b)); },
                                .onBatchEnd = [&](int b, const Logs& l) {
                                  events.push_back("batchEnd" + std::to_string(b));
                                  sizes.push_back(l.at("size"));
                                  EXPECT_EQ(l.at("batch"), b);
                                }},
                  .initialEpoch = 3});
  EXPECT_EQ(h.epoch, (std::vector<int>{3, 4}));
  EXPECT_EQ(events.front(), "trainBegin");
  EXPECT_EQ(events.back(), "trainEnd");
  EXPECT_EQ(events[1], "epochBegin3");
  EXPECT_EQ(events[2], "batchBegin0");
  EXPECT_EQ(events[3], "batchEnd0");
  EXPECT_EQ(sizes, (std::vector<double>{2, 2, 1, 2, 2, 1}));
}

TEST(ModelFit, StepsPerEpochCyclesThroughTheData) {
  auto m = identityModel();
  int batches = 0;
  auto h = m.fit(ones({5, 1}), ones({5, 1}),
                 {.batchSize = 2, .epochs = 2, .verbose = 0,
                  .callbacks = {.onBatchEnd = [&](int, const Logs&) { ++batches; }}, .stepsPerEpoch = 4});
  EXPECT_EQ(batches, 8);
  EXPECT_EQ(h.params.steps, 4);
}

TEST(ModelFit, EarlyStoppingStopsAfterPatience) {
  auto m = identityModel();  // learning rate 0: the loss never improves
  auto stopper = callbacks::earlyStopping({.monitor = "loss", .patience = 2});
  auto h = m.fit(tensor2d({1, 2}, {2, 1}), tensor2d({2, 2}, {2, 1}), {.epochs = 10, .verbose = 0, .callbacks = {stopper}});
  EXPECT_EQ(h.epoch.size(), 3u);
  EXPECT_EQ(stopper->stoppedEpoch(), 2);
  // baseline: no epoch beats it, so training stops after `patience` epochs
  auto h2 = m.fit(tensor2d({1, 2}, {2, 1}), tensor2d({2, 2}, {2, 1}),
                  {.epochs = 10, .verbose = 0,
                   .callbacks = {callbacks::earlyStopping({.monitor = "loss", .patience = 1, .baseline = 0.1})}});
  EXPECT_EQ(h2.epoch.size(), 1u);
  // mode max on a loss that never rises
  auto h3 = m.fit(tensor2d({1, 2}, {2, 1}), tensor2d({2, 2}, {2, 1}),
                  {.epochs = 10, .verbose = 0,
                   .callbacks = {callbacks::earlyStopping({.monitor = "loss", .minDelta = 0.5, .patience = 3, .mode = "max"})}});
  EXPECT_EQ(h3.epoch.size(), 4u);
}

TEST(ModelFit, EarlyStoppingRestoresBestWeights) {
  auto m = identityModel(10);  // diverges: the first epoch is the best
  std::vector<float> afterFirstEpoch;
  auto h = m.fit(tensor2d({1, 2, 3}, {3, 1}), tensor2d({2, 4, 6}, {3, 1}),
                 {.epochs = 10, .verbose = 0,
                  .callbacks = {.objects = {callbacks::earlyStopping({.monitor = "loss", .patience = 2, .restoreBestWeights = true})},
                                .onEpochEnd = [&](int e, const Logs&) {
                                  if (e == 0) afterFirstEpoch = m.getWeights()[0].dataSync();
                                }}});
  EXPECT_EQ(h.epoch.size(), 3u);
  EXPECT_EQ(m.getWeights()[0].dataSync(), afterFirstEpoch);
}

TEST(ModelFit, StopTrainingFromACallback) {
  auto m = identityModel();
  auto h = m.fit(ones({4, 1}), ones({4, 1}),
                 {.batchSize = 1, .epochs = 10, .verbose = 0,
                  .callbacks = {.onBatchEnd = [&](int b, const Logs&) {
                    if (b == 1) m.setStopTraining(true);
                  }}});
  EXPECT_EQ(h.epoch.size(), 1u);
  EXPECT_TRUE(m.stopTraining());
}

TEST(ModelFit, ClassAndSampleWeightsScaleTheLoss) {
  auto m = sequential();
  m.add(layers::dense({.units = 1, .kernelInitializer = "zeros", .biasInitializer = initializers::constant({.value = 0.5}),
                       .inputShape = {1}}));
  m.compile({.optimizer = train::sgd(0), .loss = "meanSquaredError"});
  Tensor x = tensor2d({1, 1}, {2, 1}), y = tensor2d({0, 1}, {2, 1});  // per-example loss 0.25
  EXPECT_DOUBLE_EQ(m.fit(x, y, {.verbose = 0}).history.at("loss")[0], 0.25);
  EXPECT_DOUBLE_EQ(m.fit(x, y, {.verbose = 0, .classWeight = {{0, 1}, {1, 3}}}).history.at("loss")[0], 0.5);
  EXPECT_DOUBLE_EQ(m.fit(x, y, {.verbose = 0, .sampleWeight = tensor1d({3, 1})}).history.at("loss")[0], 0.5);
  EXPECT_THROW(m.fit(x, y, {.verbose = 0, .classWeight = {{0, 1}}}), Error);  // class 1 missing
}

TEST(ModelFit, TrainOnBatchAndShuffleOff) {
  auto m = identityModel(0.1);
  auto losses = m.trainOnBatch(tensor2d({1, 2}, {2, 1}), tensor2d({2, 4}, {2, 1}));
  ASSERT_EQ(losses.size(), 1u);
  EXPECT_DOUBLE_EQ(losses[0], (1 + 4) / 2.0);  // computed before the update
  // kernel 1 -> 1 - 0.1 * d/dk mean((k x - y)^2) = 1 - 0.1 * (-(2*1 + 8) / 2) = 1.5
  EXPECT_NEAR(m.getWeights()[0].dataSync()[0], 1.5, 1e-6);
}

TEST(ModelFit, VerboseOneWritesKerasStyleLines) {
  auto m = identityModel();
  // Swap std::cout's buffer rather than gtest's CaptureStdout, which needs fd redirection (not in wasm).
  std::ostringstream captured;
  std::streambuf* saved = std::cout.rdbuf(captured.rdbuf());
  m.fit(ones({3, 1}), ones({3, 1}), {.epochs = 2, .validationSplit = 0.34});
  std::cout.rdbuf(saved);
  std::string out = captured.str();
  EXPECT_NE(out.find("Epoch 1/2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Epoch 2/2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("1/1 [==============================] - "), std::string::npos) << out;
  EXPECT_NE(out.find(" - loss: 0.0000e+00 - val_loss: 0.0000e+00"), std::string::npos) << out;
}

TEST(ModelFit, ArgumentErrors) {
  auto m = identityModel();
  EXPECT_THROW(m.fit(ones({2, 1}), ones({2, 1}), {.batchSize = 0, .verbose = 0}), Error);
  EXPECT_THROW(m.fit(ones({1, 1}), ones({1, 1}), {.verbose = 0, .validationSplit = 0.5}), Error);  // no training data left
  EXPECT_THROW(m.fit(ones({2, 1}), ones({3, 1}), {.verbose = 0}), Error);
  EXPECT_THROW(m.fit(ones({2, 2}), ones({2, 1}), {.verbose = 0}), Error);
  EXPECT_THROW(m.fit(scalar(1), ones({1, 1}), {.verbose = 0}), Error);
  // rank-1 data is treated as a column
  EXPECT_NO_THROW(m.fit(tensor1d({1, 2}), tensor1d({1, 2}), {.verbose = 0}));
}

TEST(ModelFit, TrainingAndInferenceLoopsLeaveMemoryAtBaseline) {
  auto m = sequential();
  m.add(layers::dense({.units = 4, .activation = "relu", .inputShape = {3}}));
  m.add(layers::dropout({.rate = 0.2}));
  m.add(layers::batchNormalization());
  m.add(layers::dense({.units = 2, .activation = "softmax"}));
  m.compile({.optimizer = "adam", .loss = "categoricalCrossentropy", .metrics = {"accuracy"}});
  Tensor x = randomUniform({20, 3});
  Tensor y = oneHot(tensor(std::vector<int32_t>{0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0}), 2);
  auto fitArgs = ModelFitArgs{.batchSize = 6, .epochs = 2, .verbose = 0, .validationSplit = 0.25};
  m.fit(x, y, fitArgs);  // creates the optimizer's slots, which live as long as the model
  const MemoryInfo before = memory();
  for (int i = 0; i < 3; ++i) {
    m.fit(x, y, fitArgs);
    m.predict(x);
    m.predictOnBatch(x);
    m.evaluate(x, y);
    m.trainOnBatch(x, y);
  }
  const MemoryInfo after = memory();
  EXPECT_EQ(after.numTensors, before.numTensors);
  EXPECT_EQ(after.numDataBuffers, before.numDataBuffers);
  EXPECT_EQ(after.numBytes, before.numBytes);
}

TEST(ModelFit, FitDatasetMatchesFitWithoutShuffle) {
  auto make = [] {
    auto m = sequential();
    m.add(layers::dense({.units = 3, .activation = "tanh", .kernelInitializer = "ones", .inputShape = {2}}));
    m.add(layers::dense({.units = 1, .kernelInitializer = "ones"}));
    m.compile({.optimizer = train::adam(0.05), .loss = "meanSquaredError", .metrics = {"mae"}});
    return m;
  };
  Tensor x = tensor2d({0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, 1.0, 0.3, 0.3, 0.2, -0.1}, {7, 2});
  Tensor y = tensor2d({1, -1, 0.5, 0.2, 0.8, -0.3, 0.1}, {7, 1});
  auto a = make(), b = make();
  auto ha = a.fit(x, y, {.batchSize = 3, .epochs = 3, .verbose = 0, .shuffle = false});
  std::vector<data::Example> rows;
  for (int64_t i = 0; i < 7; ++i) rows.push_back({slice(x, {i, 0}, {1, 2}).reshape({2}), slice(y, {i, 0}, {1, 1}).reshape({1})});
  auto dataset = data::array(rows).batch(3);
  auto hb = b.fitDataset(dataset, {.epochs = 3, .verbose = 0});
  for (const char* key : {"loss", "mae"}) {
    ASSERT_EQ(hb.history.at(key).size(), 3u) << key;
    for (size_t e = 0; e < 3; ++e) EXPECT_NEAR(hb.history.at(key)[e], ha.history.at(key)[e], 1e-6) << key << e;
  }
  auto wa = a.getWeights(), wb = b.getWeights();
  for (size_t i = 0; i < wa.size(); ++i) {
    auto va = wa[i].dataSync<double>(), vb = wb[i].dataSync<double>();
    for (size_t k = 0; k < va.size(); ++k) EXPECT_NEAR(va[k], vb[k], 1e-6);
  }
  auto ea = a.evaluate(x, y, {.batchSize = 3});
  auto eb = b.evaluateDataset(dataset);
  ASSERT_EQ(eb.size(), 2u);
  EXPECT_NEAR(eb[0].dataSync<double>()[0], ea[0].dataSync<double>()[0], 1e-6);
  EXPECT_THROW(b.fitDataset(data::array(std::vector<data::Example>{}).batch(3), {.verbose = 0}), Error);
  EXPECT_THROW(sequential().fitDataset(dataset), Error);  // not compiled
}
