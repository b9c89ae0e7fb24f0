// Optimizers: TF.js's update rules, checked against TF.js 4.22 on f(w) = sum((w*x - y)^2).
#include <gtest/gtest.h>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

struct Run {
  std::vector<double> losses;
  std::vector<float> weights;
};

Run threeSteps(train::Optimizer& opt) {
  Variable w = variable(tensor1d({0.5, -1.5}));
  Tensor x = tensor1d({1, 2}), y = tensor1d({2, 3});
  Run r;
  for (int i = 0; i < 3; ++i) {
    Tensor loss = opt.minimize([&] { return sum(square(sub(mul(w, x), y))); }, true, {w});
    r.losses.push_back(loss.dataSync<double>()[0]);
  }
  r.weights = w.dataSync();
  return r;
}

void expectRun(const Run& r, const std::vector<double>& losses, const std::vector<double>& weights) {
  ASSERT_EQ(r.losses.size(), losses.size());
  for (size_t i = 0; i < losses.size(); ++i) EXPECT_NEAR(r.losses[i], losses[i], 1e-5 * std::max(1.0, std::abs(losses[i])));
  ASSERT_EQ(r.weights.size(), weights.size());
  for (size_t i = 0; i < weights.size(); ++i) EXPECT_NEAR(r.weights[i], weights[i], 1e-5 * std::max(1.0, std::abs(weights[i])));
}

}  // namespace

// Expected numbers: TF.js 4.22, the same three minimize() calls.
TEST(TrainOptimizers, Sgd) {
  expectRun(threeSteps(*train::sgd(0.1)), {38.25, 2.8799996, 0.97920007}, {1.232, 1.476});
}
TEST(TrainOptimizers, MomentumNesterov) {
  expectRun(threeSteps(*train::momentum(0.1, 0.9, true)), {38.25, 10.599298, 5.2442312}, {2.162528, 1.6496639});
}
TEST(TrainOptimizers, Adam) {
  expectRun(threeSteps(*train::adam(0.1)), {38.25, 35.600018, 33.052963}, {0.79909408, -1.2003845});
}
TEST(TrainOptimizers, RmspropCenteredWithMomentum) {
  expectRun(threeSteps(*train::rmsprop(0.1, 0.9, 0.5, std::nullopt, true)), {38.25, 29.805552, 21.032537},
            {1.5658069, -0.3638736});
}
TEST(TrainOptimizers, Adadelta) {
  expectRun(threeSteps(*train::adadelta(1)), {38.25, 1766.25, 86438.25}, {3.5, 1030.5});
}
TEST(TrainOptimizers, AdamaxWithDecay) {
  expectRun(threeSteps(*train::adamax(0.1, 0.9, 0.999, std::nullopt, 0.1)), {38.25, 35.600002, 33.31966},
            {0.7656008, -1.2299658});
}
TEST(TrainOptimizers, Adagrad) {
  expectRun(threeSteps(*train::adagrad(0.1)), {38.25, 35.601746, 33.822708}, {0.72183812, -1.2743726});
}

TEST(TrainOptimizers, NamesGiveTfjsLayersDefaults) {
  auto adam = train::getOptimizer("adam");
  EXPECT_EQ(adam->getClassName(), "Adam");
  EXPECT_EQ(adam->getConfig().dump(), R"({"learningRate":0.001,"beta1":0.9,"beta2":0.999,"epsilon":1e-07})");
  EXPECT_EQ(train::getOptimizer("sgd")->getConfig().dump(), R"({"learningRate":0.01})");
  EXPECT_EQ(train::getOptimizer("RMSProp")->getClassName(), "RMSProp");
  EXPECT_EQ(train::getOptimizer("adadelta")->getConfig().dump(), R"({"learningRate":1,"rho":0.95,"epsilon":1e-07})");
  try {
    train::getOptimizer("nesterov");
    FAIL();
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Unknown Optimizer nesterov"), std::string::npos);
    EXPECT_NE(msg.find("adamax"), std::string::npos) << "lists the valid names: " << msg;
  }
}

TEST(TrainOptimizers, SkipsVariablesWithoutGradientAndNonTrainable) {
  auto opt = train::sgd(1);
  Variable a = variable(scalar(1)), b = variable(scalar(5)), frozen = variable(scalar(2), false);
  opt->minimize([&] { return mul(a, frozen); }, false, {a, b, frozen});
  EXPECT_FLOAT_EQ(a.dataSync()[0], -1);  // d(a*frozen)/da = 2
  EXPECT_FLOAT_EQ(b.dataSync()[0], 5);
  EXPECT_FLOAT_EQ(frozen.dataSync()[0], 2);
  EXPECT_EQ(opt->iterations(), 1);
  EXPECT_THROW(opt->minimize([&] { return mul(frozen, frozen); }, false, {frozen}), Error);
}

TEST(TrainOptimizers, StateRoundTripsThroughGetWeights) {
  auto opt = train::adam(0.1);
  Variable w = variable(tensor1d({1, 2}));
  for (int i = 0; i < 2; ++i) opt->minimize([&] { return sum(square(w)); }, false, {w});
  auto state = opt->getWeights();
  ASSERT_EQ(state.size(), 3u);  // iter, m, v
  EXPECT_EQ(state[0].name, "iter");
  EXPECT_EQ(state[0].tensor.dataSync()[0], 2);
  EXPECT_EQ(state[1].name, w.name() + "/m");
  auto copy = train::adam(0.1);
  copy->setWeights(state);
  Variable w2 = variable(w.clone());
  opt->minimize([&] { return sum(square(w)); }, false, {w});
  copy->minimize([&] { return sum(square(w2)); }, false, {w2});
  // setWeights recomputes beta^t with pow (as TF.js); 1 - beta2^t amplifies its last-bit change.
  auto a = w.dataSync(), b = w2.dataSync();
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-5);
}

TEST(TrainOptimizers, DisposeReleasesState) {
  auto before = memory().numTensors;
  {
    auto opt = train::adam(0.1);
    Variable w = variable(tensor1d({1, 2}));
    opt->minimize([&] { return sum(square(w)); }, false, {w});
    opt->dispose();
  }
  EXPECT_EQ(memory().numTensors, before);
}
