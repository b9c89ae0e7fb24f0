// Core layers: configs as TF.js serialises them, shapes, call semantics, initializers,
// regularizers, constraints, errors. Expected JSON and numbers come from TF.js 4.22.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "edgeflow/edgeflow.h"
#include "unit/tensor_values.h"

using namespace edgeflow;
using edgeflow_test::dataOf;

namespace {
void expectNear(const std::vector<double>& got, const std::vector<double>& want, double tol = 1e-6) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::abs(want[i]))) << i;
}
}  // namespace

TEST(LayersCore, DenseConfigMatchesTfjs) {
  auto d = layers::dense({.units = 3, .activation = "relu", .inputShape = {4}, .name = "d1"});
  EXPECT_EQ(d.getConfig().dump(),
            R"({"units":3,"activation":"relu","useBias":true,"kernelInitializer":{"className":"VarianceScaling",)"
            R"("config":{"scale":1,"mode":"fanAvg","distribution":"normal","seed":null}},"biasInitializer":)"
            R"({"className":"Zeros","config":{}},"kernelRegularizer":null,"biasRegularizer":null,)"
            R"("activityRegularizer":null,"kernelConstraint":null,"biasConstraint":null,"name":"d1",)"
            R"("trainable":true,"batchInputShape":[null,4],"dtype":"float32"})");
  auto d2 = layers::dense({.units = 2, .kernelConstraint = "maxNorm", .biasConstraint = constraints::unitNorm({.axis = 1}),
                           .kernelRegularizer = "l1l2"});
  std::string c = d2.getConfig().dump();
  EXPECT_NE(c.find(R"("kernelRegularizer":{"className":"L1L2","config":{"l1":0.01,"l2":0.01}})"), std::string::npos);
  EXPECT_NE(c.find(R"("kernelConstraint":{"className":"MaxNorm","config":{"maxValue":2,"axis":0}})"), std::string::npos);
  EXPECT_NE(c.find(R"("biasConstraint":{"className":"UnitNorm","config":{"axis":1}})"), std::string::npos);
  EXPECT_EQ(layers::dense({.units = 2, .kernelRegularizer = regularizers::l2()}).getConfig().dump().find(
                R"({"className":"L1L2","config":{"l1":0,"l2":0.01}})") != std::string::npos,
            true);
}

TEST(LayersCore, OtherConfigsMatchTfjs) {
  EXPECT_EQ(layers::dropout({.rate = 0.25, .noiseShape = {-1, 1}, .seed = 3, .name = "drop"}).getConfig().dump(),
            R"({"rate":0.25,"noiseShape":[null,1],"seed":3,"name":"drop","trainable":true})");
  EXPECT_EQ(layers::flatten({.inputShape = {2, 3}, .name = "f"}).getConfig().dump(),
            R"({"name":"f","trainable":true,"batchInputShape":[null,2,3],"dtype":"float32"})");
  EXPECT_EQ(layers::reshape({.targetShape = {2, -1}, .name = "r"}).getConfig().dump(),
            R"({"targetShape":[2,null],"name":"r","trainable":true})");
  EXPECT_EQ(layers::activation({.activation = "relu", .name = "a"}).getConfig().dump(),
            R"({"activation":"relu","name":"a","trainable":true})");
  SymbolicTensor x = input({.shape = {3}, .name = "in"});
  EXPECT_EQ(x.sourceLayer().getConfig().dump(),
            R"({"batchInputShape":[null,3],"dtype":"float32","sparse":false,"name":"in"})");
}

TEST(LayersCore, DefaultNamesFollowTfjs) {
  auto d = layers::dense({.units = 1});
  EXPECT_TRUE(std::regex_match(d.name(), std::regex("dense_Dense[0-9]+"))) << d.name();
  auto d2 = layers::dense({.units = 1});
  EXPECT_NE(d.name(), d2.name());
  SymbolicTensor x = input({.shape = {2}});
  EXPECT_TRUE(std::regex_match(x.name(), std::regex("input[0-9]+"))) << x.name();
  SymbolicTensor y = d.apply(x);
  // Names are unique process-wide (as in TF.js): earlier tests may have taken this one, which
  // then gets a "_<n>" suffix.
  EXPECT_TRUE(std::regex_match(y.name(), std::regex(d.name() + "/" + d.name() + "(_[0-9]+)?"))) << y.name();
  EXPECT_TRUE(std::regex_match(d.weights()[0].name(), std::regex(d.name() + "/kernel(_[0-9]+)?")))
      << d.weights()[0].name();
  EXPECT_EQ(d.weights()[0].originalName(), d.name() + "/kernel");
  // A second layer with the same explicit name gets unique weight names.
  auto a = layers::dense({.units = 1, .name = "same"});
  auto b = layers::dense({.units = 1, .name = "same"});
  a.apply(x);
  b.apply(x);
  EXPECT_NE(a.weights()[0].name(), b.weights()[0].name());
  EXPECT_TRUE(std::regex_match(b.weights()[0].name(), std::regex("same/kernel_[0-9]+"))) << b.weights()[0].name();
  EXPECT_EQ(b.weights()[0].originalName(), "same/kernel");
}

TEST(LayersCore, SeededInitializersMatchTfjs) {
  expectNear(dataOf(initializers::glorotUniform({.seed = 42})->apply({2, 3})),
             {0.40501562, 0.10149182, 0.75715703, -0.65927058, 0.13964322, 1.0155631});
  expectNear(dataOf(initializers::heNormal({.seed = 7})->apply({3, 2})),
             {-1.1194599, 0.023912536, -0.89176667, -0.96135926, 1.0620074, -0.15938014});
  expectNear(dataOf(initializers::randomUniform({.minval = -1, .maxval = 2, .seed = 1})->apply({4})),
             {0.57814127, -0.63206917, 0.43315932, 0.86431265});
  expectNear(dataOf(initializers::orthogonal({.seed = 5})->apply({3, 2})),
             {-0.71973753, -0.55546194, -0.16950095, 0.7223177, -0.67323649, 0.41197002}, 1e-5);
  expectNear(dataOf(initializers::orthogonal({.gain = 2, .seed = 5})->apply({2, 3})),
             {-1.4394751, -0.33900189, -1.346473, -1.1109239, 1.4446354, 0.82394004}, 1e-5);
  auto d = layers::dense({.units = 3, .kernelInitializer = initializers::glorotNormal({.seed = 1}), .inputShape = {2}});
  auto model = sequential();
  model.add(d);
  expectNear(dataOf(d.getWeights()[0]), {0.046011861, -0.66659528, -0.26995575, -0.57387418, -0.31799942, -0.025876544});
}

TEST(LayersCore, InitializerNamesAndErrors) {
  for (auto& name : initializers::initializerNames()) {
    if (name == "constant") continue;  // needs a value
    auto init = initializers::getInitializer(name);
    Tensor t = init->apply({3, 3});
    EXPECT_EQ(t.shape(), (Shape{3, 3})) << name;
  }
  EXPECT_EQ(initializers::initializerNames().size(), 15u);
  try {
    layers::dense({.units = 2, .kernelInitializer = "foo"});
    FAIL();
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Unknown initializer: foo"), std::string::npos) << msg;
    EXPECT_NE(msg.find("glorotUniform"), std::string::npos) << msg;
  }
  try {
    layers::dense({.units = 2, .activation = "foo"});
    FAIL();
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Unknown activation: foo"), std::string::npos) << msg;
    EXPECT_NE(msg.find("softmax"), std::string::npos) << msg;
  }
  EXPECT_THROW(layers::dense({.units = 0}), Error);
  EXPECT_THROW(initializers::identity()->apply({2, 3}), Error);
}

TEST(LayersCore, ActivationsAll16) {
  auto names = activations::activationNames();
  EXPECT_EQ(names.size(), 16u);
  Tensor x = tensor1d({-2, -0.5, 0, 0.5, 2});
  for (auto& n : names) {
    Tensor y = layers::activation({.activation = n}).apply(x);
    EXPECT_EQ(y.shape(), x.shape()) << n;
  }
  expectNear(dataOf(activations::getActivation("hardSigmoid")->apply(x)), {0.1, 0.4, 0.5, 0.6, 0.9});
  expectNear(dataOf(activations::getActivation("softsign")->apply(x)), {-2.0 / 3, -1.0 / 3, 0, 1.0 / 3, 2.0 / 3});
  expectNear(dataOf(activations::getActivation("relu6")->apply(tensor1d({-1, 3, 9}))), {0, 3, 6});
}

TEST(LayersCore, DenseOnRank3UsesLastAxis) {
  auto d = layers::dense({.units = 2, .kernelInitializer = "ones", .biasInitializer = initializers::constant({.value = 0.5})});
  Tensor y = d.apply(tensor3d({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {2, 2, 3}));
  EXPECT_EQ(y.shape(), (Shape{2, 2, 2}));
  expectNear(dataOf(y), {6.5, 6.5, 15.5, 15.5, 24.5, 24.5, 33.5, 33.5});
  EXPECT_NE(d.getConfig().dump().find(R"("biasInitializer":{"className":"Constant","config":{"value":0.5}})"),
            std::string::npos);
}

TEST(LayersCore, SymbolicShapes) {
  auto r = layers::reshape({.targetShape = {3, -1}});
  EXPECT_EQ(r.apply(input({.shape = {6}})).shape(), (Shape{-1, 3, -1}));  // as TF.js: unknown batch keeps -1
  EXPECT_EQ(r.apply(input({.batchShape = {4, 6}})).shape(), (Shape{4, 3, 2}));
  EXPECT_EQ(layers::flatten().apply(input({.shape = {2, 3, 4}})).shape(), (Shape{-1, 24}));
  EXPECT_EQ(layers::reshape({.targetShape = {3, -1}}).apply(ones({2, 6})).shape(), (Shape{2, 3, 2}));
  EXPECT_THROW(layers::reshape({.targetShape = {4, -1}}).apply(ones({2, 6})), Error);
  EXPECT_THROW(layers::flatten().apply(input({.shape = {-1, 3}})), Error);  // not fully defined
  EXPECT_THROW(layers::flatten().apply(ones({2, 3})), Error);               // needs rank >= 3
}

TEST(LayersCore, DropoutOnlyWhileTraining) {
  auto drop = layers::dropout({.rate = 0.5, .seed = 1});
  Tensor x = ones({1000});
  Tensor inference = drop.apply(x);
  EXPECT_EQ(dataOf(inference), dataOf(x));
  EXPECT_NE(inference.id(), x.id());  // a layer never returns its input itself
  auto v = dataOf(drop.apply(x, {.training = true}));
  int zeros = 0;
  for (double e : v) {
    EXPECT_TRUE(e == 0 || e == 2) << e;
    zeros += e == 0;
  }
  EXPECT_GT(zeros, 400);
  EXPECT_LT(zeros, 600);
}

TEST(LayersCore, RegularizerLossAndConstraint) {
  auto d = layers::dense({.units = 1, .kernelInitializer = "ones",
                          .kernelRegularizer = regularizers::l1l2({.l1 = 0.1, .l2 = 0.2}), .inputShape = {3}});
  auto model = sequential();
  model.add(d);
  auto losses = d.calculateLosses();
  ASSERT_EQ(losses.size(), 1u);
  EXPECT_NEAR(losses[0].dataSync()[0], 0.9, 1e-6);  // TF.js: 0.9000000357627869

  // Constraints apply on every write of the weight.
  auto c = layers::dense({.units = 2, .kernelConstraint = constraints::maxNorm({.maxValue = 1}), .inputShape = {3}});
  auto m2 = sequential();
  m2.add(c);
  c.setWeights({fill({3, 2}, 2), zeros({2})});
  auto k = dataOf(c.getWeights()[0]);
  for (double e : k) EXPECT_NEAR(e, 1 / std::sqrt(3.0), 1e-5);
  auto nn = constraints::nonNeg()->apply(tensor1d({-1, 2}));
  expectNear(dataOf(nn), {0, 2});
}

TEST(LayersCore, SerializeRoundTrip) {
  auto d = layers::dense({.units = 4, .activation = "tanh", .useBias = false,
                          .kernelInitializer = initializers::randomNormal({.stddev = 0.2, .seed = 3}),
                          .kernelRegularizer = regularizers::l2({.l2 = 0.5}), .inputShape = {7}, .name = "dd"});
  ConfigDict c = layers::serialize(d);
  Layer copy = layers::deserialize(c);
  EXPECT_EQ(copy.getClassName(), "Dense");
  EXPECT_EQ(copy.getConfig(), d.getConfig());
  for (Layer l : {layers::dropout({.rate = 0.3, .name = "x1"}), layers::flatten({.name = "x2"}),
                  layers::reshape({.targetShape = {2, 3}, .name = "x3"}), layers::activation({.activation = "elu", .name = "x4"})})
    EXPECT_EQ(layers::deserialize(layers::serialize(l)).getConfig(), l.getConfig()) << l.getClassName();
  EXPECT_THROW(layers::deserialize(ConfigDict::parse(R"({"className":"Nope","config":{}})")), Error);
}

TEST(LayersCore, ApplyMixedAndInputLayerErrors) {
  SymbolicTensor x = input({.shape = {2}});
  EXPECT_THROW(x.sourceLayer().apply(ones({1, 2})), Error);
  EXPECT_THROW(input({}), Error);
  EXPECT_THROW(input({.shape = {2}, .batchShape = {1, 2}}), Error);
  auto d = layers::dense({.units = 2});
  EXPECT_THROW(d.countParams(), Error);  // not built
  d.apply(x);
  EXPECT_EQ(d.countParams(), 6);
  EXPECT_EQ(d.outputShape(), (Shape{-1, 2}));
  EXPECT_THROW(d.apply(ones({1, 3})), Error);  // built for 2 input features
}
