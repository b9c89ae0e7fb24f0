// Merge, advanced activation, normalisation, embedding and noise layers: what the TF.js oracle
// (tests/oracle_layers) cannot check: training-mode behaviour, symbolic shapes, errors.
#include <gtest/gtest.h>

#include <cmath>

#include "edgeflow/edgeflow.h"
#include "unit/tensor_values.h"

using namespace edgeflow;
using edgeflow_test::dataOf;

namespace {
}  // namespace

TEST(LayersMore, MergeLayersInFunctionalModels) {
  SymbolicTensor a = input({.shape = {4}}), b = input({.shape = {4}}), c = input({.shape = {3, 4}});
  EXPECT_EQ(layers::add().apply({a, b}).shape(), (Shape{-1, 4}));
  EXPECT_EQ(layers::average().apply({a, c}).shape(), (Shape{-1, 3, 4}));  // broadcast after expanding a
  EXPECT_EQ(layers::concatenate().apply({a, b}).shape(), (Shape{-1, 8}));
  EXPECT_EQ(layers::concatenate({.axis = 1}).apply({c, c}).shape(), (Shape{-1, 6, 4}));
  EXPECT_EQ(layers::dot({.axes = {1}}).apply({a, b}).shape(), (Shape{-1, 1}));
  auto m = model({.inputs = {a, b}, .outputs = {layers::multiply().apply({a, b})}});
  Tensor out = m.predict({tensor2d({1, 2, 3, 4}, {1, 4}), tensor2d({2, 2, 2, 2}, {1, 4})});
  EXPECT_EQ(dataOf(out), (std::vector<double>{2, 4, 6, 8}));
}

TEST(LayersMore, MergeErrorsNameTheProblem) {
  Tensor x = ones({2, 3}), y = ones({2, 4}), z = ones({3, 3});
  EXPECT_THROW(layers::add().apply(std::vector<Tensor>{x}), Error);
  try {
    layers::add().apply({x, y});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("[3] [4]"), std::string::npos) << e.what();
  }
  try {
    layers::maximum().apply({x, z});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("different batch sizes"), std::string::npos) << e.what();
  }
  EXPECT_THROW(layers::concatenate().apply({ones({2, 3, 1}), ones({2, 4, 1})}), Error);
  EXPECT_THROW(layers::dot({.axes = {1}}).apply({x, y}), Error);
  EXPECT_THROW(layers::dot({}), Error);
}

TEST(LayersMore, AdvancedActivationValues) {
  Tensor x = tensor({-2, -0.5, 0, 0.5, 2}, {1, 5});
  EXPECT_EQ(dataOf(layers::reLU({.maxValue = 1}).apply(x)), (std::vector<double>{0, 0, 0, 0.5, 1}));
  EXPECT_EQ(dataOf(layers::thresholdedReLU({.theta = 0.5}).apply(x)), (std::vector<double>{0, 0, 0, 0, 2}));
  auto leaky = dataOf(layers::leakyReLU().apply(x));
  EXPECT_NEAR(leaky[0], -0.6, 1e-6);
  EXPECT_THROW(layers::elu({.alpha = 2}), Error);  // TF.js: non-default alpha not supported
  auto p = layers::prelu({.alphaInitializer = initializers::constant({.value = 0.25}), .sharedAxes = {1}});
  p.apply(ones({2, 3, 2}));
  EXPECT_EQ(p.weights()[0].shape(), (Shape{1, 2}));
}

TEST(LayersMore, BatchNormalizationTrainingUpdatesMovingStatistics) {
  auto bn = layers::batchNormalization({.momentum = 0.5});
  Tensor x = tensor2d({1, 10, 3, 30}, {2, 2});  // per feature: mean 2 and 20, variance 1 and 100
  Tensor y = bn.apply(x, {.training = true});
  auto normed = dataOf(y);
  EXPECT_NEAR(normed[0], -1 / std::sqrt(1 + 1e-3), 1e-5);
  EXPECT_NEAR(normed[3], 10 / std::sqrt(100 + 1e-3), 1e-5);
  auto w = bn.getWeights();  // gamma, beta, moving_mean, moving_variance
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(dataOf(w[2]), (std::vector<double>{1, 10}));     // 0 - (0 - mean) * 0.5
  EXPECT_EQ(dataOf(w[3]), (std::vector<double>{1, 50.5}));   // 1 - (1 - variance) * 0.5
  EXPECT_EQ(bn.trainableWeights().size(), 2u);
  Tensor inference = bn.apply(x);  // uses the moving statistics
  EXPECT_NEAR(dataOf(inference)[0], (1 - 1) / std::sqrt(1 + 1e-3), 1e-6);
}

TEST(LayersMore, EmbeddingLooksUpRows) {
  auto e = layers::embedding({.inputDim = 3, .outputDim = 2, .embeddingsInitializer = "ones", .inputLength = {2}});
  e.apply(tensor2d({0, 1}, {1, 2}));
  e.setWeights({tensor2d({0, 1, 10, 11, 20, 21}, {3, 2})});
  Tensor out = e.apply(tensor2d({2, 0, 1, 1}, {2, 2}));
  EXPECT_EQ(out.shape(), (Shape{2, 2, 2}));
  EXPECT_EQ(dataOf(out), (std::vector<double>{20, 21, 0, 1, 10, 11, 10, 11}));
  EXPECT_EQ(e.computeOutputShape(Shape{-1, 2}), (Shape{-1, 2, 2}));
  EXPECT_THROW(e.computeOutputShape(Shape{-1, 3}), Error);  // inputLength is 2
  EXPECT_THROW(layers::embedding({.inputDim = 0, .outputDim = 2}), Error);
}

TEST(LayersMore, NoiseLayersActOnlyWhileTraining) {
  Tensor x = ones({200, 50});
  for (Layer l : {layers::gaussianNoise({.stddev = 0.5}), layers::gaussianDropout({.rate = 0.5}),
                  layers::alphaDropout({.rate = 0.5})}) {
    EXPECT_EQ(dataOf(l.apply(x)), dataOf(x)) << l.getClassName();
    Tensor noisy = l.apply(x, {.training = true});
    auto m = moments(noisy);
    double sd = std::sqrt(m.variance.dataSync<double>()[0]);
    EXPECT_GT(sd, 0.3) << l.getClassName();
    if (l.getClassName() != "AlphaDropout") {
      EXPECT_NEAR(m.mean.dataSync<double>()[0], 1, 0.05) << l.getClassName();
    }
  }
}

TEST(LayersMore, ConfigsRoundTripThroughDeserialize) {
  std::vector<Layer> list{layers::concatenate({.axis = 1, .name = "c"}),
                          layers::dot({.axes = {1, 2}, .normalize = true, .name = "d"}),
                          layers::reLU({.maxValue = 6, .name = "r"}),
                          layers::softmax({.axis = {1, 2}, .name = "s"}),
                          layers::batchNormalization({.axis = 1, .momentum = 0.9, .center = false, .name = "b"}),
                          layers::layerNormalization({.axis = {1, 2}, .epsilon = 1e-5, .name = "l"}),
                          layers::embedding({.inputDim = 5, .outputDim = 2, .maskZero = true, .name = "e"}),
                          layers::gaussianNoise({.stddev = 0.1, .name = "g"}),
                          layers::prelu({.sharedAxes = {1}, .name = "p"})};
  for (auto& l : list) {
    ConfigDict c = layers::serialize(l);
    Layer back = layers::deserialize(c);
    EXPECT_EQ(back.getClassName(), l.getClassName());
    EXPECT_EQ(layers::serialize(back).dump(), c.dump());
  }
}

TEST(LayersMore, RecurrentShapesStatesAndErrors) {
  SymbolicTensor seq = input({.shape = {5, 3}});
  EXPECT_EQ(layers::simpleRNN({.units = 4}).apply(seq).shape(), (Shape{-1, 4}));
  EXPECT_EQ(layers::gru({.units = 2, .returnSequences = true}).apply(seq).shape(), (Shape{-1, 5, 2}));
  auto outs = layers::lstm({.units = 2, .returnState = true}).applyMulti({seq});
  ASSERT_EQ(outs.size(), 3u);  // output, h, c
  EXPECT_EQ(outs[2].shape(), (Shape{-1, 2}));

  auto l = layers::lstm({.units = 2, .returnState = true});
  auto r = l.applyMulti({ones({2, 3, 1})});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(dataOf(r[0]), dataOf(r[1]));  // the output is the last h
  EXPECT_EQ(l.weights()[0].name().substr(l.name().size()), "/kernel");
  EXPECT_EQ(l.weights()[0].shape(), (Shape{1, 8}));

  try {
    layers::simpleRNN({.units = 2}).apply(ones({2, 3}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("ndim=3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(layers::gru({.units = 0}), Error);
  EXPECT_THROW(layers::lstm({.units = 2, .stateful = true}), Error);
}

TEST(LayersMore, RecurrentModelTrains) {
  auto m = sequential();
  m.add(layers::lstm({.units = 4, .inputShape = {3, 1}}));
  m.add(layers::dense({.units = 1}));
  m.compile({.optimizer = train::adam(0.05), .loss = "meanSquaredError"});
  Tensor x = tensor({0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1}, {4, 3, 1});
  Tensor y = tensor2d({1, 1, 1, 3}, {4, 1});  // the number of ones
  auto h = m.fit(x, y, {.batchSize = 4, .epochs = 60, .verbose = 0});
  EXPECT_LT(h.history.at("loss").back(), h.history.at("loss").front() / 10);
}

TEST(LayersMore, PermuteRepeatVectorMaskingSpatialDropout) {
  SymbolicTensor x = input({.shape = {3, 4}});
  EXPECT_EQ(layers::permute({.dims = {2, 1}}).apply(x).shape(), (Shape{-1, 4, 3}));
  EXPECT_THROW(layers::permute({.dims = {0, 1}}), Error);
  EXPECT_EQ(layers::repeatVector({.n = 5}).apply(input({.shape = {2}})).shape(), (Shape{-1, 5, 2}));
  Tensor steps = tensor({1, 2, 0, 0, 3, 0}, {1, 3, 2});
  EXPECT_EQ(dataOf(layers::masking().apply(steps)), (std::vector<double>{1, 2, 0, 0, 3, 0}));
  EXPECT_EQ(dataOf(layers::masking({.maskValue = 1}).apply(tensor({1, 1, 1, 2}, {1, 2, 2}))),
            (std::vector<double>{0, 0, 1, 2}));
  // Whole channels drop together: every step of a feature is kept or zeroed.
  Tensor dropped = layers::spatialDropout1d({.rate = 0.5}).apply(ones({4, 6, 8}), {.training = true});
  auto v = dataOf(dropped);
  for (int64_t b = 0; b < 4; ++b)
    for (int64_t f = 0; f < 8; ++f)
      for (int64_t t = 1; t < 6; ++t) EXPECT_EQ(v[size_t((b * 6 + t) * 8 + f)], v[size_t(b * 6 * 8 + f)]);
  EXPECT_EQ(dataOf(layers::spatialDropout1d({.rate = 0.5}).apply(ones({1, 2, 2}))), (std::vector<double>(4, 1)));
}
