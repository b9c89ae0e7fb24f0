// Autograd mechanics: grad, grads, valueAndGrad, variableGrads, customGrad, nesting, memory.
#include <gtest/gtest.h>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

TEST(Autograd, GradOfProductRule) {
  // f(x) = x * x + x  ->  f'(x) = 2x + 1
  auto g = grad([](const Tensor& x) { return add(mul(x, x), x); });
  Tensor dx = g(tensor({1, 2, -3}), Tensor());
  EXPECT_EQ(dx.dataSync(), (std::vector<float>{3, 5, -5}));
}

TEST(Autograd, GradsWithBroadcastReduceToInputShapes) {
  auto g = grads([](const std::vector<Tensor>& v) { return mul(v[0], v[1]); });
  Tensor a = tensor({1, 2, 3, 4, 5, 6}, {2, 3});
  Tensor b = tensor({10, 20, 30}, {3});
  auto d = g({a, b}, Tensor());
  EXPECT_EQ(d[0].shape(), (Shape{2, 3}));
  EXPECT_EQ(d[0].dataSync(), (std::vector<float>{10, 20, 30, 10, 20, 30}));
  EXPECT_EQ(d[1].shape(), (Shape{3}));
  EXPECT_EQ(d[1].dataSync(), (std::vector<float>{5, 7, 9}));
}

TEST(Autograd, ExplicitDy) {
  auto g = grad([](const Tensor& x) { return mul(x, 3); });
  EXPECT_EQ(g(tensor({1, 1}), tensor({2, -1})).dataSync(), (std::vector<float>{6, -3}));
  EXPECT_THROW(g(tensor({1, 1}), tensor({2})), Error);
}

TEST(Autograd, UnconnectedInputThrows) {
  auto g = grads([](const std::vector<Tensor>& v) { return mul(v[0], 2); });
  EXPECT_THROW(g({tensor({1}), tensor({2})}, Tensor()), Error);
}

TEST(Autograd, ValueAndGradAndSecondOrder) {
  auto vg = valueAndGrad([](const Tensor& x) { return sum(mul(x, mul(x, x))); });
  auto r = vg(tensor({2}), Tensor());
  EXPECT_FLOAT_EQ(r.value.dataSync()[0], 8);
  EXPECT_FLOAT_EQ(r.grad.dataSync()[0], 12);
  // d2/dx2 x^3 = 6x
  auto gg = grad([](const Tensor& x) { return grad([](const Tensor& y) { return mul(y, mul(y, y)); })(x, Tensor()); });
  EXPECT_FLOAT_EQ(gg(tensor({2}), Tensor()).dataSync()[0], 12);
}

TEST(Autograd, VariableGradsSkipsFrozenVariables) {
  Variable w = variable(tensor({1, 2}), true, "ag_w");
  Variable frozen = variable(tensor({5}), false, "ag_frozen");
  auto r = variableGrads([&] { return sum(mul(mul(w, w), frozen)); });
  ASSERT_EQ(r.grads.size(), 1u);
  EXPECT_EQ(r.grads.at("ag_w").dataSync(), (std::vector<float>{10, 20}));
  EXPECT_FLOAT_EQ(r.value.dataSync()[0], 25);
}

TEST(Autograd, CustomGrad) {
  auto f = customGrad([](const std::vector<Tensor>& in) {
    CustomGradResult r;
    r.value = mul(in[0], in[0]);
    r.save = {in[0]};
    r.gradFunc = [](const Tensor& dy, const std::vector<Tensor>& saved) {
      return std::vector<Tensor>{mul(dy, mul(saved[0], 10))};  // deliberately not 2x
    };
    return r;
  });
  auto g = grad([&](const Tensor& x) { return f({x}); });
  EXPECT_EQ(g(tensor({1, 2}), Tensor()).dataSync(), (std::vector<float>{10, 20}));
}

TEST(Autograd, GradientLoopLeavesMemoryAtBaseline) {
  Tensor x = tensor({1, 2, 3});
  auto g = grad([](const Tensor& t) { return mul(sum(mul(t, t)), 2); });
  g(x, Tensor());  // warm-up: lazily created statics
  auto before = memory();
  for (int i = 0; i < 10000; ++i) tidy([&] { g(x, Tensor()); });
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numDataBuffers, before.numDataBuffers);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}

TEST(Autograd, GradWithoutTidyAlsoReturnsToBaseline) {
  Tensor x = tensor({1, 2, 3});
  auto g = grad([](const Tensor& t) { return sum(mul(t, t)); });
  auto before = memory();
  for (int i = 0; i < 100; ++i) {
    Tensor d = g(x, Tensor());
    EXPECT_EQ(d.dataSync()[2], 6);
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
}
