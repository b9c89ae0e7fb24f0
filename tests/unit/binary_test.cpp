// Binary and logical ops beyond the TF.js oracle: cpu fast kernels against ref on large and
// oddly broadcast shapes (threaded, partial rows), and gradients TF.js cannot produce.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "edgeflow/edgeflow.h"
#include "unit/tensor_values.h"

using namespace edgeflow;
using edgeflow_test::randomTensor;

namespace {

template <class F>
Tensor tensorOn(const std::string& backend, F f) {
  std::string prev = getBackend();
  setBackend(backend);
  Tensor r = f();
  setBackend(prev);
  return r;
}

void expectIdenticalOnBackends(const std::function<Tensor()>& f, const std::string& what) {
  tidy([&] {
    Tensor fast = tensorOn("cpu", f), slow = tensorOn("ref", f);
    ASSERT_EQ(fast.shape(), slow.shape()) << what;
    ASSERT_EQ(fast.dtype(), slow.dtype()) << what;
    auto a = fast.dataSync<double>(), b = slow.dataSync<double>();
    int bad = 0;
    for (size_t i = 0; i < a.size() && bad < 5; ++i)
      if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) {
        ADD_FAILURE() << what << " [" << i << "]: cpu " << a[i] << ", ref " << b[i];
        ++bad;
      }
  });
}

std::vector<float> floatValues(const Tensor& t) { return t.dataSync<float>(); }

}  // namespace

TEST(BinaryKernels, CpuMatchesRefOnLargeBroadcasts) {
  // Large enough for parallelFor to split, with odd row counts so that chunks end mid-row.
  const std::vector<std::pair<Shape, Shape>> shapes = {
      {{151, 517}, {151, 517}}, {{151, 517}, {}},       {{}, {151, 517}},     {{151, 517}, {517}},
      {{517}, {151, 517}},      {{151, 517}, {151, 1}}, {{151, 1}, {1, 517}}, {{3, 1, 93, 131}, {3, 1, 131}},
      {{3, 3, 1, 5001}, {3, 7, 1}},                    {{1, 70001}, {70001}}, {{5, 1}, {5, 1}},
  };
  const std::vector<std::pair<const char*, std::function<Tensor(const Tensor&, const Tensor&)>>> ops = {
      {"add", [](auto& a, auto& b) { return add(a, b); }},
      {"sub", [](auto& a, auto& b) { return sub(a, b); }},
      {"mul", [](auto& a, auto& b) { return mul(a, b); }},
      {"div", [](auto& a, auto& b) { return div(a, b); }},
      {"maximum", [](auto& a, auto& b) { return maximum(a, b); }},
      {"minimum", [](auto& a, auto& b) { return minimum(a, b); }},
      {"squaredDifference", [](auto& a, auto& b) { return squaredDifference(a, b); }},
  };
  const std::set<std::string> int32Fast = {"add", "sub", "maximum", "minimum"};  // the rest is ref anyway
  uint32_t seed = 1;
  for (auto& [as, bs] : shapes)
    for (DType dt : {DType::float32, DType::int32})
      for (auto& entry : ops) {
        const auto& name = entry.first;
        const auto& op = entry.second;  // not a structured binding: clang 14 (emscripten) can't capture those
        if (dt == DType::int32 && !int32Fast.count(name)) continue;
        Tensor a = randomTensor(as, seed++, dt), b = randomTensor(bs, seed++, dt);
        expectIdenticalOnBackends([&] { return op(a, b); },
                             std::string(name) + " " + shapeToString(as) + " " + shapeToString(bs) + " " +
                                 dtypeName(dt));
      }
}

TEST(BinaryKernels, CpuKeepsNaNsAndWrapsInt32) {
  Tensor a = tensor({NAN, 1, 2, NAN}), b = tensor({1, NAN, 3, NAN});
  for (auto* be : {"cpu", "ref"}) {
    auto mx = tensorOn(be, [&] { return maximum(a, b); }).dataSync<float>();
    auto mn = tensorOn(be, [&] { return minimum(a, b); }).dataSync<float>();
    EXPECT_TRUE(std::isnan(mx[0]) && std::isnan(mx[1]) && std::isnan(mx[3])) << be;
    EXPECT_TRUE(std::isnan(mn[0]) && std::isnan(mn[1]) && std::isnan(mn[3])) << be;
    EXPECT_EQ(mx[2], 3) << be;
    EXPECT_EQ(mn[2], 2) << be;
    Tensor big = tensor(std::vector<int32_t>{2147483647, -2147483647 - 1});
    Tensor one = tensor(std::vector<int32_t>{1, 1});
    auto sum = tensorOn(be, [&] { return add(big, one); }).dataSync<int32_t>();
    auto diff = tensorOn(be, [&] { return sub(big, one); }).dataSync<int32_t>();
    EXPECT_EQ(sum, (std::vector<int32_t>{-2147483647 - 1, -2147483647})) << be;
    EXPECT_EQ(diff, (std::vector<int32_t>{2147483646, 2147483647})) << be;
  }
}

// TF.js throws on these broadcast gradients; edgeflow reduces them to the inputs' shapes.
TEST(BinaryGradients, BroadcastMaximumMinimumSquaredDifference) {
  Tensor a = tensor({1, 5, 3, 4, 2, 6}, {2, 3}), b = tensor({2, 2, 6}, {3});
  auto gmax = grads([](const std::vector<Tensor>& v) { return maximum(v[0], v[1]); })({a, b}, Tensor());
  EXPECT_EQ(floatValues(gmax[0]), (std::vector<float>{0, 1, 0, 1, 1, 1}));  // ties (2 vs 2) go to a
  EXPECT_EQ(gmax[1].shape(), (Shape{3}));
  EXPECT_EQ(floatValues(gmax[1]), (std::vector<float>{1, 0, 1}));
  auto gmin = grads([](const std::vector<Tensor>& v) { return minimum(v[0], v[1]); })({a, b}, Tensor());
  EXPECT_EQ(floatValues(gmin[0]), (std::vector<float>{1, 0, 1, 0, 1, 1}));  // 6 vs 6 goes to a
  EXPECT_EQ(floatValues(gmin[1]), (std::vector<float>{1, 1, 0}));
  auto gsq = grads([](const std::vector<Tensor>& v) { return squaredDifference(v[0], v[1]); })({a, b}, Tensor());
  EXPECT_EQ(floatValues(gsq[0]), (std::vector<float>{-2, 6, -6, 4, 0, 0}));  // 2(a - b)
  EXPECT_EQ(floatValues(gsq[1]), (std::vector<float>{-2, -6, 6}));           // sum of 2(b - a)
}

// TF.js cannot differentiate divNoNan (no gradient for Equal); edgeflow gives 0 where b is 0.
TEST(BinaryGradients, DivNoNanIsZeroWhereDivisorIsZero) {
  Tensor a = tensor({3, 4, 5}), b = tensor({2, 0, -1});
  auto g = grads([](const std::vector<Tensor>& v) { return divNoNan(v[0], v[1]); })({a, b}, Tensor());
  EXPECT_EQ(floatValues(g[0]), (std::vector<float>{0.5f, 0, -1}));
  EXPECT_EQ(floatValues(g[1]), (std::vector<float>{-0.75f, 0, -5}));  // -a / b^2
  Tensor bs = tensor({0}, {1});
  auto gb = grads([](const std::vector<Tensor>& v) { return divNoNan(v[0], v[1]); })({a, bs}, Tensor());
  EXPECT_EQ(floatValues(gb[0]), (std::vector<float>{0, 0, 0}));
  EXPECT_EQ(gb[1].shape(), (Shape{1}));
}

// Comparisons are not differentiable, so gradients flow around them instead of throwing.
TEST(BinaryGradients, WhereWithAComputedCondition) {
  auto g = grad([](const Tensor& x) { return where(greater(x, 0), mul(x, x), neg(x)); });
  EXPECT_EQ(floatValues(g(tensor({-2, 3, 0.5}), Tensor())), (std::vector<float>{-1, 6, 1}));
  auto h = grad([](const Tensor& x) { return mul(x, cast(lessEqual(x, 1), DType::float32)); });
  EXPECT_EQ(floatValues(h(tensor({0.5, 2}), Tensor())), (std::vector<float>{1, 0}));
}

TEST(BinaryOps, ErrorsNameTheOpAndShapes) {
  try {
    pow(tensor({1, 2, 3}), tensor({1, 2}));
    FAIL() << "pow of [3] and [2] should throw";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("pow"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("[3]"), std::string::npos) << e.what();
  }
  try {
    logicalAnd(tensor({1}), tensor(std::vector<bool>{true}));
    FAIL() << "logicalAnd of float32 should throw";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("logicalAnd"), std::string::npos) << e.what();
  }
  EXPECT_THROW(addN({}), Error);
}

TEST(BinaryOps, ChainedMethods) {
  Tensor x = tensor({4, -3, 2});
  EXPECT_EQ(floatValues(x.pow(2).sub(x.squaredDifference(1)).maximum(0)), (std::vector<float>{7, 0, 3}));
  EXPECT_EQ(x.greater(0).logicalAnd(x.less(3)).dataSync<uint8_t>(), (std::vector<uint8_t>{0, 0, 1}));
  EXPECT_EQ(floatValues(x.where(x.greater(0), 0)), (std::vector<float>{4, 0, 2}));
  EXPECT_EQ(floatValues(x.mod(3).atan2(1).greaterEqual(0.5).cast(DType::float32)), (std::vector<float>{1, 0, 1}));
}
