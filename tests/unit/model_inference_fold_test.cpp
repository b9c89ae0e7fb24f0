// Inference folding of Conv → BatchNormalization → ReLU chains (src/models/inference_fold.cpp):
// predict() must equal the layers' definition written out with ops (conv, (x − mean) /
// sqrt(variance + ε) · γ + β, clip), also after the weights change, and leave memory() as it was.
#include <gtest/gtest.h>

#include <cmath>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

// Random BatchNormalization statistics: gamma, beta, movingMean, movingVariance (> 0).
std::vector<Tensor> randomBatchNorm(int64_t channels, uint32_t seed) {
  return {randomUniform({channels}, 0.5, 1.5, DType::float32, seed),
          randomUniform({channels}, -0.5, 0.5, DType::float32, seed + 1),
          randomUniform({channels}, -0.3, 0.3, DType::float32, seed + 2),
          randomUniform({channels}, 0.2, 2.0, DType::float32, seed + 3)};
}

// The inference definition of BatchNormalization (weights: gamma, beta, mean, variance).
Tensor batchNormByOps(const Tensor& x, const std::vector<Tensor>& w, double epsilon) {
  return add(mul(div(sub(x, w[2]), sqrt(add(w[3], epsilon))), w[0]), w[1]);
}

// conv 3×3/2 → BN → ReLU6 → depthwise 3×3 → BN → ReLU6 → conv 1×1 with bias → BN → ReLU.
Sequential mobileNetBlocks() {
  auto m = sequential();
  m.add(layers::conv2d({.filters = 8, .kernelSize = 3, .strides = 2, .padding = "same", .useBias = false,
                        .inputShape = {9, 9, 3}}));
  m.add(layers::batchNormalization({}));
  m.add(layers::reLU({.maxValue = 6}));
  m.add(layers::depthwiseConv2d({.kernelSize = 3, .padding = "same", .useBias = false}));
  m.add(layers::batchNormalization({.epsilon = 1e-2}));
  m.add(layers::reLU({.maxValue = 6}));
  m.add(layers::conv2d({.filters = 24, .kernelSize = 1, .biasInitializer = "randomNormal"}));
  m.add(layers::batchNormalization({}));
  m.add(layers::activation({.activation = "relu"}));
  for (int i : {1, 4, 7}) {
    int64_t channels = m.getLayer(i).outputShape().back();
    m.getLayer(i).setWeights(randomBatchNorm(channels, 10 * static_cast<uint32_t>(i)));
  }
  return m;
}

Tensor blocksByOps(Sequential& m, const Tensor& x) {
  return tidy([&] {
    auto w = [&](int i) { return m.getLayer(i).getWeights(); };
    Tensor y = conv2d(x, w(0)[0], 2, "same");
    y = clipByValue(batchNormByOps(y, w(1), 1e-3), 0, 6);
    y = depthwiseConv2d(y, w(3)[0], 1, "same");
    y = clipByValue(batchNormByOps(y, w(4), 1e-2), 0, 6);
    y = add(conv2d(y, w(6)[0], 1, "valid"), w(6)[1]);
    return relu(batchNormByOps(y, w(7), 1e-3));
  });
}

void expectClose(const Tensor& actual, const Tensor& expected) {
  ASSERT_EQ(actual.shape(), expected.shape());
  auto a = actual.dataSync<float>(), e = expected.dataSync<float>();
  int bad = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (!(std::abs(a[i] - e[i]) <= 1e-5f + 1e-5f * std::abs(e[i])) && bad++ < 5)
      ADD_FAILURE() << "element " << i << ": " << a[i] << " vs " << e[i];
  EXPECT_EQ(bad, 0);
}

}  // namespace

TEST(ModelInferenceFold, PredictEqualsTheUnfoldedDefinition) {
  auto m = mobileNetBlocks();
  Tensor x = randomNormal({2, 9, 9, 3}, 0, 1, DType::float32, 7);
  expectClose(m.predict(x), blocksByOps(m, x));
  expectClose(m.predict(x), blocksByOps(m, x));  // from the cached folded weights
}

TEST(ModelInferenceFold, FollowsSetWeightsAndTraining) {
  auto m = mobileNetBlocks();
  Tensor x = randomNormal({2, 9, 9, 3}, 0, 1, DType::float32, 8);
  Tensor before = m.predict(x);
  m.getLayer(4).setWeights(randomBatchNorm(8, 99));  // the depthwise block's statistics
  m.getLayer(6).setWeights({randomNormal({1, 1, 8, 24}, 0, 1, DType::float32, 5), zeros({24})});
  Tensor after = m.predict(x);
  expectClose(after, blocksByOps(m, x));
  EXPECT_GT(max(abs(sub(after, before))).dataSync<float>()[0], 1e-3f);

  // A training step writes every kernel and the moving statistics.
  m.compile({.optimizer = train::sgd(0.5), .loss = "meanSquaredError"});
  m.fit(x, onesLike(after), {.batchSize = 2, .epochs = 1, .verbose = 0});
  expectClose(m.predict(x), blocksByOps(m, x));
}

TEST(ModelInferenceFold, LeavesMemoryAsItWas) {
  auto m = mobileNetBlocks();
  Tensor x = randomNormal({1, 9, 9, 3}, 0, 1, DType::float32, 9);
  MemoryInfo start = memory();
  for (int i = 0; i < 3; ++i) m.predict(x).dispose();
  MemoryInfo end = memory();
  EXPECT_EQ(end.numTensors, start.numTensors);
  EXPECT_EQ(end.numBytes, start.numBytes);
  EXPECT_EQ(end.numDataBuffers, start.numDataBuffers);
  m.dispose();
}

TEST(ModelInferenceFold, IntermediateOutputsStillComputed) {
  // The BatchNormalization output is also a model output: the ReLU is not folded into the
  // convolution, and both outputs are right.
  SymbolicTensor in = input({.shape = {5, 5, 2}});
  Layer conv = layers::conv2d({.filters = 4, .kernelSize = 3, .padding = "same", .useBias = false});
  Layer bn = layers::batchNormalization({});
  SymbolicTensor normalized = bn.apply(conv.apply(in));
  SymbolicTensor activated = layers::reLU({.maxValue = 6}).apply(normalized);
  auto m = model({.inputs = {in}, .outputs = {activated, normalized}});
  bn.setWeights(randomBatchNorm(4, 3));
  Tensor x = randomNormal({1, 5, 5, 2}, 0, 1, DType::float32, 4);
  auto outs = m.predictMulti(x);
  Tensor expectedBn = batchNormByOps(conv2d(x, conv.getWeights()[0], 1, "same"), bn.getWeights(), 1e-3);
  expectClose(outs[1], expectedBn);
  expectClose(outs[0], clipByValue(expectedBn, 0, 6));
}

TEST(ModelInferenceFold, GradientsStillReachEveryVariable) {
  // Under a gradient tape the layers run one by one, so gamma and the kernel get their gradients.
  auto m = mobileNetBlocks();
  Tensor x = randomNormal({1, 9, 9, 3}, 0, 1, DType::float32, 11);
  auto g = variableGrads([&] { return sum(m.apply(x)); });
  Variable gamma = m.getLayer(7).weights()[0].read();
  Variable kernel = m.getLayer(6).weights()[0].read();
  ASSERT_TRUE(g.grads.count(gamma.name()));
  ASSERT_TRUE(g.grads.count(kernel.name()));
  EXPECT_GT(sum(abs(g.grads.at(gamma.name()))).dataSync<float>()[0], 0.0f);
  EXPECT_GT(sum(abs(g.grads.at(kernel.name()))).dataSync<float>()[0], 0.0f);
}
