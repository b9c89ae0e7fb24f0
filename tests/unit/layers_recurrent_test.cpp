// RNN cells, the generic rnn and StackedRNNCells: what the TF.js oracle (family recurrent) does not
// check: errors, weight names, symbolic shapes, config round trips, dropout without leaks.
#include <gtest/gtest.h>

#include <string>

#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"

using namespace edgeflow;
using edgeflow_test::errorOf;
using edgeflow_test::has;

TEST(LayersRecurrent, CellStepErrorsNameTheLayerAndShapes) {
  Layer cell = layers::lstmCell({.units = 2, .name = "c"});
  std::string e = errorOf([&] { cell.applyMulti({ones({2, 3})}); });
  EXPECT_TRUE(has(e, "LSTMCell c: expects 3 input tensors (the input and 2 state(s)), got 1")) << e;
  e = errorOf([&] { cell.applyMulti({ones({2, 3}), ones({2, 2}), ones({2, 3})}); });
  EXPECT_TRUE(has(e, "LSTMCell c: state 1 has shape [2,3], expected [2,2]")) << e;
  auto out = cell.applyMulti({ones({2, 3}), zeros({2, 2}), zeros({2, 2})});
  ASSERT_EQ(out.size(), 3u);  // output, h, c
  EXPECT_EQ(out[2].shape(), (Shape{2, 2}));
  EXPECT_EQ(cell.weights()[1].name(), "c/recurrent_kernel");
  EXPECT_EQ(cell.weights()[1].shape(), (Shape{2, 8}));
}

TEST(LayersRecurrent, RnnInitialStateErrorsNameTheLayerAndShapes) {
  Layer rnn = layers::rnn({.cell = layers::simpleRNNCell({.units = 2}), .name = "r"});
  std::string e = errorOf([&] { rnn.apply({ones({2, 3, 4}), ones({3, 2})}); });
  EXPECT_TRUE(has(e, "RNN r: initial state 0 has shape [3,2], expected [2,2]")) << e;
  e = errorOf([&] { rnn.apply({ones({2, 3, 4}), ones({2, 5})}); });
  EXPECT_TRUE(has(e, "layer r") && has(e, "[null,2]") && has(e, "[2,5]")) << e;
  e = errorOf([&] { rnn.apply({ones({2, 3, 4}), ones({2, 2}), ones({2, 2})}); });
  EXPECT_TRUE(has(e, "RNN r: expects the input alone or with its 1 initial state(s), got 3 inputs")) << e;
}

TEST(LayersRecurrent, CellsThatAreNotCellsAreRejected) {
  std::string e = errorOf([] { layers::rnn({.cell = layers::dense({.units = 2, .name = "d"})}); });
  EXPECT_TRUE(has(e, "RNN: Dense d is not an RNN cell; valid cells are GRUCell, LSTMCell, SimpleRNNCell, StackedRNNCells"))
      << e;
  e = errorOf([] { layers::rnn({}); });
  EXPECT_TRUE(has(e, "cell property is missing")) << e;
  e = errorOf([] { layers::stackedRNNCells({.cells = {layers::lstmCell({.units = 1}), layers::dense({.units = 1})}}); });
  EXPECT_TRUE(has(e, "StackedRNNCells: Dense")) << e;
  // From a config: an unknown cell class names the valid ones.
  ConfigDict config = ConfigDict::parse(
      R"({"className":"RNN","config":{"name":"r","cell":{"className":"Dense","config":{"units":2}}}})");
  e = errorOf([&] { layers::deserialize(config); });
  EXPECT_TRUE(has(e, R"(RNN: unknown cell class "Dense"; valid cells are GRUCell, LSTMCell, SimpleRNNCell, StackedRNNCells)"))
      << e;
}

TEST(LayersRecurrent, StackedCellsNamesShapesAndStateOrder) {
  // From TF.js 4.22: rnn_RNN2/RNNCell_0/kernel ... rnn_RNN2/RNNCell_1/bias; states [h2, h1, c1].
  Layer rnn = layers::rnn({.cell = {layers::lstmCell({.units = 3}), layers::simpleRNNCell({.units = 2})},
                           .returnState = true});
  auto outs = rnn.applyMulti({input({.shape = {4, 5}})});
  ASSERT_EQ(outs.size(), 4u);
  EXPECT_EQ(outs[0].shape(), (Shape{-1, 2}));
  EXPECT_EQ(outs[1].shape(), (Shape{-1, 2}));
  EXPECT_EQ(outs[3].shape(), (Shape{-1, 3}));
  auto w = rnn.weights();
  ASSERT_EQ(w.size(), 6u);
  EXPECT_EQ(w[0].name(), rnn.name() + "/RNNCell_0/kernel");
  EXPECT_EQ(w[0].shape(), (Shape{5, 12}));
  EXPECT_EQ(w[3].name(), rnn.name() + "/RNNCell_1/kernel");
  EXPECT_EQ(w[3].shape(), (Shape{3, 2}));
  EXPECT_EQ(rnn.getConfig().dump().find(R"("cell":{"className":"StackedRNNCells")") != std::string::npos, true);
}

TEST(LayersRecurrent, ConfigRoundTripAndModelJson) {
  auto m = sequential();
  m.add(layers::rnn({.cell = layers::gruCell({.units = 3, .implementation = 1}), .returnSequences = true,
                     .inputShape = {4, 2}}));
  m.add(layers::rnn({.cell = {layers::lstmCell({.units = 2, .unitForgetBias = true})}, .goBackwards = true}));
  Tensor x = randomUniform({2, 4, 2}, -1, 1);
  LayersModel copy = modelFromJSON(m.toJSON());
  copy.setWeights(m.getWeights());
  EXPECT_EQ(copy.toJSON().dump(), m.toJSON().dump());
  EXPECT_LT(max(abs(sub(copy.predict(x), m.predict(x)))).dataSync<double>()[0], 1e-6);
  for (const Layer& l : m.layers()) EXPECT_EQ(layers::serialize(layers::deserialize(layers::serialize(l))).dump(),
                                               layers::serialize(l).dump());
}

TEST(LayersRecurrent, BidirectionalOverRnnOfACell) {
  // TF.js 4.22 throws here (its RNN.fromConfig replaces the shared config's cell by the object).
  Layer bi = layers::bidirectional({.layer = layers::rnn({.cell = layers::lstmCell({.units = 2}), .returnSequences = true})});
  EXPECT_EQ(bi.apply(input({.shape = {3, 4}})).shape(), (Shape{-1, 3, 4}));
}

TEST(LayersRecurrent, DropoutWhileTrainingChangesOutputsAndLeaksNothing) {
  Layer rnn = layers::rnn({.cell = {layers::simpleRNNCell({.units = 4, .dropout = 0.5, .recurrentDropout = 0.5}),
                                    layers::gruCell({.units = 3, .dropout = 0.3})}});
  Tensor x = ones({2, 5, 3});
  Tensor inference = rnn.apply(x);
  auto before = memory().numTensors;
  Tensor trained = rnn.apply(x, {.training = true});
  EXPECT_EQ(memory().numTensors, before + 1);  // only the output
  EXPECT_GT(max(abs(sub(trained, inference))).dataSync<double>()[0], 1e-4);
  EXPECT_EQ(max(abs(sub(rnn.apply(x), inference))).dataSync<double>()[0], 0);
}
