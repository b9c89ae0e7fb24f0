// Convolution, pooling, spatial reshaping and preprocessing layers: what the TF.js oracle
// (tests/oracle_layers, family conv) does not check: symbolic shapes, weight names, values by hand,
// errors, and a small convnet that learns.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"
#include "unit/tensor_values.h"

using namespace edgeflow;
using edgeflow_test::dataOf;

namespace {


using edgeflow_test::errorOf;
using edgeflow_test::has;

}  // namespace

TEST(LayersConv, MnistConvnetShapesAndWeights) {
  SymbolicTensor x = input({.shape = {28, 28, 1}});
  Layer c1 = layers::conv2d({.filters = 8, .kernelSize = 3, .activation = "relu"});
  Layer p1 = layers::maxPooling2d({.poolSize = {2, 2}, .strides = {2, 2}});
  Layer c2 = layers::conv2d({.filters = 16, .kernelSize = {3, 3}, .activation = "relu"});
  SymbolicTensor h = p1.apply(c1.apply(x));
  EXPECT_EQ(h.shape(), (Shape{-1, 13, 13, 8}));
  SymbolicTensor h2 = layers::maxPooling2d({}).apply(c2.apply(h));
  EXPECT_EQ(h2.shape(), (Shape{-1, 5, 5, 16}));
  ASSERT_EQ(c1.weights().size(), 2u);
  EXPECT_EQ(c1.weights()[0].shape(), (Shape{3, 3, 1, 8}));
  EXPECT_EQ(c1.weights()[0].name(), c1.name() + "/kernel");
  EXPECT_EQ(c1.weights()[1].name(), c1.name() + "/bias");
  EXPECT_EQ(c2.weights()[0].shape(), (Shape{3, 3, 8, 16}));
  EXPECT_EQ(c2.countParams(), 3 * 3 * 8 * 16 + 16);
  // TF.js's default initializers: glorotNormal kernel, zeros bias.
  const std::string config = c1.getConfig().dump();
  EXPECT_TRUE(has(config, R"("kernelInitializer":{"className":"VarianceScaling","config":{"scale":1,"mode":"fanAvg","distribution":"normal","seed":null}})"))
      << config;
  EXPECT_EQ(dataOf(c1.weights()[1].read()), std::vector<double>(8, 0.0));
}

TEST(LayersConv, ValuesByHand) {
  // Ones through a 2x2 kernel of ones plus bias 0.5: every output is 4.5.
  Layer conv = layers::conv2d({.filters = 1, .kernelSize = 2, .kernelInitializer = "ones", .biasInitializer = "ones"});
  EXPECT_EQ(dataOf(conv.apply(ones({1, 3, 3, 1}))), std::vector<double>(4, 5.0));
  Tensor ramp = reshape(range(0, 16), {1, 4, 4, 1});
  EXPECT_EQ(dataOf(layers::maxPooling2d({}).apply(ramp)), (std::vector<double>{5, 7, 13, 15}));
  EXPECT_EQ(dataOf(layers::averagePooling2d({}).apply(ramp)), (std::vector<double>{2.5, 4.5, 10.5, 12.5}));
  EXPECT_EQ(dataOf(layers::globalMaxPooling2d({}).apply(ramp)), (std::vector<double>{15}));
  EXPECT_EQ(dataOf(layers::globalAveragePooling2d({}).apply(ramp)), (std::vector<double>{7.5}));
  Tensor steps = reshape(range(0, 6), {1, 6, 1});
  EXPECT_EQ(dataOf(layers::maxPooling1d({.poolSize = 3}).apply(steps)), (std::vector<double>{2, 5}));
  EXPECT_EQ(dataOf(layers::globalAveragePooling1d({}).apply(steps)), (std::vector<double>{2.5}));
  EXPECT_EQ(layers::zeroPadding2d({.padding = {{1, 2}, {0, 3}}}).apply(ramp).shape(), (Shape{1, 7, 7, 1}));
  EXPECT_EQ(dataOf(layers::cropping2D({.cropping = {{1, 2}, {2, 1}}}).apply(ramp)), (std::vector<double>{6}));
  EXPECT_EQ(dataOf(layers::upSampling2d({.size = {1, 2}}).apply(reshape(range(0, 2), {1, 1, 2, 1}))),
            (std::vector<double>{0, 0, 1, 1}));
  EXPECT_EQ(dataOf(layers::rescaling({.scale = 2, .offset = -1}).apply(tensor({0, 1, 2}, {1, 3}))),
            (std::vector<double>{-1, 1, 3}));
}

TEST(LayersConv, SymbolicShapesOfEveryLayer) {
  SymbolicTensor img = input({.shape = {9, 8, 3}});
  EXPECT_EQ(layers::conv2d({.filters = 4, .kernelSize = 3, .strides = 2, .padding = "same"}).apply(img).shape(),
            (Shape{-1, 5, 4, 4}));
  EXPECT_EQ(layers::conv2d({.filters = 4, .kernelSize = 3, .dilationRate = 2}).apply(img).shape(),
            (Shape{-1, 5, 4, 4}));
  EXPECT_EQ(layers::conv2dTranspose({.filters = 2, .kernelSize = 3, .strides = 2}).apply(img).shape(),
            (Shape{-1, 19, 17, 2}));
  EXPECT_EQ(layers::depthwiseConv2d({.kernelSize = 3, .depthMultiplier = 2}).apply(img).shape(),
            (Shape{-1, 7, 6, 6}));
  EXPECT_EQ(layers::separableConv2d({.filters = 5, .kernelSize = 2, .padding = "same"}).apply(img).shape(),
            (Shape{-1, 9, 8, 5}));
  EXPECT_EQ(layers::upSampling2d({}).apply(img).shape(), (Shape{-1, 18, 16, 3}));
  EXPECT_EQ(layers::centerCrop({.height = 4, .width = 5}).apply(img).shape(), (Shape{-1, 4, 5, 3}));
  EXPECT_EQ(layers::globalAveragePooling2d({.dataFormat = "channelsFirst"}).apply(img).shape(), (Shape{-1, 9}));
  SymbolicTensor seq = input({.shape = {10, 2}});
  EXPECT_EQ(layers::conv1d({.filters = 3, .kernelSize = 3, .strides = 2}).apply(seq).shape(), (Shape{-1, 4, 3}));
  EXPECT_EQ(layers::averagePooling1d({.poolSize = 3, .padding = "same"}).apply(seq).shape(), (Shape{-1, 4, 2}));
  SymbolicTensor vol = input({.shape = {2, 6, 5, 4}});  // channelsFirst: 2 channels
  EXPECT_EQ(layers::conv3d({.filters = 3, .kernelSize = 2, .dataFormat = "channelsFirst"}).apply(vol).shape(),
            (Shape{-1, 3, 5, 4, 3}));
  EXPECT_EQ(layers::maxPooling3d({.dataFormat = "channelsFirst"}).apply(vol).shape(), (Shape{-1, 2, 3, 2, 2}));
  EXPECT_EQ(layers::conv3dTranspose({.filters = 1, .kernelSize = 2, .strides = 2}).apply(vol).shape(),
            (Shape{-1, 4, 12, 10, 1}));
}

TEST(LayersConv, WeightNamesAsTfjs) {
  Layer d = layers::depthwiseConv2d({.kernelSize = 3, .depthMultiplier = 2});
  d.apply(ones({1, 5, 5, 3}));
  EXPECT_EQ(d.weights()[0].name(), d.name() + "/depthwise_kernel");
  EXPECT_EQ(d.weights()[0].shape(), (Shape{3, 3, 3, 2}));
  EXPECT_EQ(d.weights()[1].shape(), (Shape{6}));
  Layer s = layers::separableConv2d({.filters = 4, .kernelSize = 2, .depthMultiplier = 2});
  s.apply(ones({1, 5, 5, 3}));
  ASSERT_EQ(s.weights().size(), 3u);
  EXPECT_EQ(s.weights()[1].name(), s.name() + "/pointwise_kernel");
  EXPECT_EQ(s.weights()[1].shape(), (Shape{1, 1, 6, 4}));
  Layer t = layers::conv2dTranspose({.filters = 4, .kernelSize = 2});
  t.apply(ones({1, 3, 3, 3}));
  EXPECT_EQ(t.weights()[0].shape(), (Shape{2, 2, 4, 3}));  // [k, k, filters, inChannels]
}

TEST(LayersConv, ErrorsNameTheLayerAndTheProblem) {
  EXPECT_TRUE(has(errorOf([] { layers::conv2d({.filters = 0, .kernelSize = 3}); }), "Conv2D"));
  EXPECT_TRUE(has(errorOf([] { layers::conv2d({.filters = 2}); }), "kernelSize"));
  EXPECT_TRUE(has(errorOf([] { layers::conv2d({.filters = 2, .kernelSize = {3, 3, 3}}); }), "kernelSize"));
  EXPECT_TRUE(has(errorOf([] { layers::conv2d({.filters = 2, .kernelSize = 3, .strides = 0}); }), "strides"));
  EXPECT_TRUE(has(errorOf([] { layers::conv2d({.filters = 2, .kernelSize = 3, .padding = "full"}); }), "full"));
  EXPECT_TRUE(has(errorOf([] { layers::maxPooling2d({.dataFormat = "NHWC"}); }), "DataFormat"));
  EXPECT_TRUE(has(errorOf([] { layers::conv2dTranspose({.filters = 1, .kernelSize = 2, .padding = "causal"}); }),
                  "causal"));
  // A channel count other than the one the layer was built for.
  Layer conv = layers::conv2d({.filters = 2, .kernelSize = 1});
  conv.apply(ones({1, 3, 3, 2}));
  EXPECT_NE(errorOf([&] { conv.apply(ones({1, 3, 3, 5})); }), "(no error)");
  // A kernel larger than the input (valid padding).
  std::string big = errorOf([] { layers::conv2d({.filters = 1, .kernelSize = 5}).apply(ones({1, 3, 3, 1})); });
  EXPECT_NE(big, "(no error)");
  EXPECT_NE(errorOf([] { layers::conv2d({.filters = 1, .kernelSize = 2}).apply(ones({3, 3, 1})); }), "(no error)");
  EXPECT_TRUE(has(errorOf([] { layers::cropping2D({.cropping = {{2, 2}, {0, 0}}}).apply(ones({1, 3, 3, 1})); }),
                  "larger than the input"));
  EXPECT_TRUE(has(errorOf([] { layers::resizing({.height = 0, .width = 2}); }), "Resizing"));
}

TEST(LayersConv, ConfigRoundTripThroughDeserialize) {
  for (Layer layer : {layers::conv2d({.filters = 3, .kernelSize = {2, 3}, .padding = "same", .activation = "relu"}),
                      layers::conv1d({.filters = 2, .kernelSize = 3, .dilationRate = 2}),
                      layers::separableConv2d({.filters = 2, .kernelSize = 3}),
                      layers::depthwiseConv2d({.kernelSize = 2, .depthMultiplier = 3}),
                      layers::maxPooling3d({.poolSize = {1, 2, 2}}), layers::cropping2D({.cropping = {{1, 2}}}),
                      layers::upSampling2d({.interpolation = "bilinear"}), layers::centerCrop({.height = 2, .width = 2})}) {
    Layer back = layers::deserialize(layers::serialize(layer));
    EXPECT_EQ(back.getClassName(), layer.getClassName());
    EXPECT_EQ(back.getConfig().dump(), layer.getConfig().dump());
  }
}

TEST(LayersConv, SmallConvnetLearns) {
  // Two classes: a bright top half or a bright bottom half.
  std::vector<double> xs, ys;
  for (int i = 0; i < 32; ++i) {
    const bool top = i % 2 == 0;
    for (int r = 0; r < 6; ++r)
      for (int c = 0; c < 6; ++c) xs.push_back(((r < 3) == top ? 1.0 : 0.0) + 0.05 * std::sin(i * 7 + r * 3 + c));
    ys.push_back(top ? 1 : 0);
    ys.push_back(top ? 0 : 1);
  }
  auto m = sequential();
  m.add(layers::conv2d({.filters = 4,
                        .kernelSize = 3,
                        .activation = "relu",
                        .kernelInitializer = initializers::glorotNormal({.seed = 3}),
                        .inputShape = {6, 6, 1}}));
  m.add(layers::maxPooling2d({}));
  m.add(layers::flatten());
  m.add(layers::dense({.units = 2, .activation = "softmax", .kernelInitializer = initializers::glorotNormal({.seed = 4})}));
  m.compile({.optimizer = train::adam(0.05), .loss = "categoricalCrossentropy", .metrics = {"accuracy"}});
  Tensor x = tensor(xs, {32, 6, 6, 1}), y = tensor(ys, {32, 2});
  auto history = m.fit(x, y, {.batchSize = 8, .epochs = 15, .verbose = 0, .shuffle = false});
  const auto& loss = history.history.at("loss");
  EXPECT_LT(loss.back(), loss.front() * 0.5);
  EXPECT_GE(history.history.at("acc").back(), 0.9);
}

TEST(LayersConv, ConvLstm2dStatesAndErrors) {
  SymbolicTensor seq = input({.shape = {3, 6, 5, 2}});
  auto outs = layers::convLstm2d({.filters = 4, .kernelSize = 3, .padding = "same", .returnState = true}).applyMulti({seq});
  ASSERT_EQ(outs.size(), 3u);
  for (const auto& o : outs) EXPECT_EQ(o.shape(), (Shape{-1, 6, 5, 4}));
  EXPECT_EQ(layers::convLstm2d({.filters = 2, .kernelSize = 2, .returnSequences = true}).apply(seq).shape(),
            (Shape{-1, 3, 5, 4, 2}));
  Layer l = layers::convLstm2d({.filters = 2, .kernelSize = 2, .unitForgetBias = true});
  l.apply(ones({1, 2, 3, 3, 1}));
  EXPECT_EQ(l.weights()[1].name(), l.name() + "/recurrent_kernel");
  EXPECT_EQ(l.weights()[1].shape(), (Shape{2, 2, 2, 8}));
  EXPECT_EQ(dataOf(l.weights()[2].read()), (std::vector<double>{0, 0, 1, 1, 0, 0, 0, 0}));
  // Zero weights: every gate is hardSigmoid(0) = 0.5, c = 0.5 * tanh(0) = 0, so h = 0.
  auto zero = layers::convLstm2d({.filters = 1, .kernelSize = 1, .kernelInitializer = "zeros",
                                  .recurrentInitializer = "zeros", .returnState = true});
  auto r = zero.applyMulti({ones({1, 2, 2, 2, 1})});
  EXPECT_EQ(dataOf(r[0]), std::vector<double>(4, 0.0));
  EXPECT_TRUE(has(errorOf([] { layers::convLstm2d({.filters = 1, .kernelSize = 1, .unroll = true}); }), "unroll"));
  EXPECT_TRUE(has(errorOf([] { layers::convLstm2d({.filters = 0, .kernelSize = 1}); }), "filters"));
}
