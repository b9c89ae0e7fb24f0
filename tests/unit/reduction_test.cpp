// Reductions, scans and selection beyond the TF.js oracle: where TF.js has no gradient or a
// buggy one (Cumsum off the last axis, Prod with a negative axis, Cumprod, TopK), the cpu
// kernels' fast paths against the ref kernels, and edgeflow's own argument checks.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "edgeflow/edgeflow.h"
#include "unit/backend_values.h"

using namespace edgeflow;
using edgeflow_test::valuesOn;

namespace {

std::vector<double> uniformValues(size_t n, unsigned seed, double lo = -3, double hi = 3) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  std::vector<double> v(n);
  for (auto& x : v) x = d(gen);
  return v;
}

void expectClose(const std::vector<float>& got, const std::vector<float>& want, double tol, const char* what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(want[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << what << "[" << i << "]";
    } else if (std::isinf(want[i])) {
      EXPECT_EQ(got[i], want[i]) << what << "[" << i << "]";
    } else {
      EXPECT_NEAR(got[i], want[i], tol * (1 + std::fabs(want[i]))) << what << "[" << i << "]";
    }
  }
}

// Central differences of sum(f(x) * dy) with respect to x, in double from float evaluations.
std::vector<float> numericGrad(const std::function<Tensor(const Tensor&)>& f, const std::vector<double>& x,
                               const Shape& shape, const Tensor& dy) {
  std::vector<float> g(x.size());
  for (size_t k = 0; k < x.size(); ++k) {
    double eps = 1e-3 * std::max(1.0, std::fabs(x[k]));
    auto at = [&](double v) {
      auto p = x;
      p[k] = v;
      return tidy([&] { return sum(mul(f(tensor(p, shape)), dy)); }).dataSync<double>()[0];
    };
    g[k] = static_cast<float>((at(x[k] + eps) - at(x[k] - eps)) / (2 * eps));
  }
  return g;
}

}  // namespace

TEST(Reduction, CumsumGradientOnLeadingAxisIsReversedCumsum) {
  // TF.js transposes this gradient (wrongly); it is the reversed cumsum of dy along the axis.
  Tensor x = tensor({1, 2, 3, 4, 5, 6, 7, 8, 9}, {3, 3});
  Tensor dy = tensor({1, 2, 3, 4, 5, 6, 7, 8, 9}, {3, 3});
  Tensor g = grad([](const Tensor& t) { return cumsum(t, 0); })(x, dy);
  EXPECT_EQ(g.dataSync(), (std::vector<float>{12, 15, 18, 11, 13, 15, 7, 8, 9}));
  Tensor ge = grad([](const Tensor& t) { return cumsum(t, 0, true, false); })(x, dy);
  EXPECT_EQ(ge.dataSync(), (std::vector<float>{11, 13, 15, 7, 8, 9, 0, 0, 0}));
}

TEST(Reduction, ScanGradientsMatchFiniteDifferencesOnEveryAxis) {
  Shape shape{2, 3, 4};
  auto xv = uniformValues(24, 1, 0.5, 1.5);  // away from zero: cumprod's gradient divides by x
  Tensor dy = tensor(uniformValues(24, 2), shape);
  for (int64_t axis : {0, 1, 2, -1}) {
    for (bool exclusive : {false, true}) {
      for (bool reverse : {false, true}) {
        for (int which = 0; which < 2; ++which) {
          std::function<Tensor(const Tensor&)> f = [&](const Tensor& t) {
            return which == 0 ? cumsum(t, axis, exclusive, reverse) : cumprod(t, axis, exclusive, reverse);
          };
          auto analytic = grad(f)(tensor(xv, shape), dy).dataSync();
          expectClose(analytic, numericGrad(f, xv, shape, dy), 1e-2, which == 0 ? "cumsum" : "cumprod");
        }
      }
    }
  }
}

TEST(Reduction, ProdGradientHandlesZerosAndNegativeAxes) {
  Tensor x = tensor({0, 0, 3, 4, 0, 6, 1, 2, 3}, {3, 3});
  auto g = [](int64_t axis) {
    return grad([axis](const Tensor& t) { return prod(t, axis); })(tensor({0, 0, 3, 4, 0, 6, 1, 2, 3}, {3, 3}),
                                                                  Tensor());
  };
  // Row 0 has two zeros (every partial product is 0), row 1 one, row 2 none.
  EXPECT_EQ(g(1).dataSync(), (std::vector<float>{0, 0, 0, 0, 24, 0, 6, 3, 2}));
  EXPECT_EQ(g(-1).dataSync(), g(1).dataSync());
  EXPECT_EQ(g(-2).dataSync(), g(0).dataSync());
  auto all = grad([](const Tensor& t) { return prod(t, {-1, 0}); })(x, Tensor());
  EXPECT_EQ(all.dataSync(), std::vector<float>(9, 0));
}

TEST(Reduction, ProdGradientOverSeveralAxesMatchesFiniteDifferences) {
  Shape shape{2, 3, 2};
  auto xv = uniformValues(12, 3);
  Tensor dy = tensor(uniformValues(3, 4), {3});
  std::function<Tensor(const Tensor&)> f = [](const Tensor& t) { return prod(t, {2, 0}); };
  expectClose(grad(f)(tensor(xv, shape), dy).dataSync(), numericGrad(f, xv, shape, dy), 1e-2, "prod");
}

TEST(Reduction, TopKGradientScattersToTheChosenPositions) {
  Tensor x = tensor({1, 5, 3, 5, 2, 0}, {2, 3});
  auto g = grad([](const Tensor& t) { return topk(t, 2).values; })(x, tensor({10, 20, 30, 40}, {2, 2}));
  EXPECT_EQ(g.dataSync(), (std::vector<float>{0, 10, 20, 30, 40, 0}));
  auto g1 = grad([](const Tensor& t) { return topk(t, 1).values; })(tensor({4}, {1}), Tensor());
  EXPECT_EQ(g1.dataSync(), (std::vector<float>{1}));
  auto g0 = grad([](const Tensor& t) { return add(sum(topk(t, 0).values), sum(t)); })(tensor({4}, {1}), Tensor());
  EXPECT_EQ(g0.dataSync(), (std::vector<float>{1}));
}

TEST(Reduction, TopKWithNaNIsDeterministic) {
  // TF.js's order with NaN is up to its sort; here NaN ranks first and the run repeats exactly.
  Tensor x = tensor({1, NAN, 3, NAN, -INFINITY, INFINITY, 2, NAN}, {8});
  auto r = topk(x, 5);
  auto idx = r.indices.dataSync<int32_t>();
  EXPECT_EQ(idx, topk(x, 5).indices.dataSync<int32_t>());
  EXPECT_EQ(topk(x, 8).indices.dataSync<int32_t>(), (std::vector<int32_t>{1, 3, 7, 5, 2, 6, 0, 4}));
  auto vals = r.values.dataSync();
  for (size_t i = 1; i < vals.size(); ++i)
    EXPECT_TRUE(std::isnan(vals[i - 1]) || (!std::isnan(vals[i]) && vals[i - 1] >= vals[i])) << i;
  auto r2 = topk(tensor(uniformValues(2000, 5), {2000}), 1999, false);  // NaN-free, long rows
  EXPECT_EQ(r2.values.shape(), (Shape{1999}));
}

TEST(Reduction, ArgumentChecks) {
  EXPECT_THROW(cumsum(scalar(2)), Error);
  EXPECT_THROW(cumprod(tensor({1, 2}), 1), Error);
  EXPECT_EQ(cumsum(tensor({1, 2, 3, 4}, {2, 2}), -1).dataSync(), (std::vector<float>{1, 3, 3, 7}));
  EXPECT_THROW(max(tensor({1, 2}), {0, 0}), Error);
  EXPECT_THROW(mean(scalar(1), 0), Error);
  EXPECT_THROW(topk(tensor({1, 2}), 3), Error);
  EXPECT_THROW(oneHot(tensor({1, 2}), 3), Error);
  EXPECT_THROW(unique(tensor({1, 2}), 1), Error);
  EXPECT_THROW(norm(tensor({1, 2}), 3.0), Error);
}

TEST(Reduction, StructResultsSurviveTidyWithoutLeaks) {
  auto before = memory().numTensors;
  {
    auto m = tidy([] { return moments(tensor({1, 2, 3, 4}, {2, 2}), 0); });
    auto t = tidy([] { return topk(tensor({1, 3, 2}), 2); });
    auto u = tidy([] { return unique(tensor({1, 3, 1}, {3}, DType::int32)); });
    EXPECT_EQ(m.variance.dataSync(), (std::vector<float>{1, 1}));
    EXPECT_EQ(t.indices.dataSync<int32_t>(), (std::vector<int32_t>{1, 2}));
    EXPECT_EQ(u.indices.dataSync<int32_t>(), (std::vector<int32_t>{0, 1, 0}));
    EXPECT_EQ(memory().numTensors, before + 6);
  }
  EXPECT_EQ(memory().numTensors, before);
}

// The cpu backend's Sum, Mean and Max take fast, threaded paths for float32 over a contiguous
// block of axes; they must agree with the ref kernels (double sums, exact max) everywhere.
TEST(Reduction, CpuFastPathsAgreeWithRef) {
  struct Case {
    Shape shape;
    std::vector<int64_t> axes;
  };
  std::vector<Case> cases = {
      {{1 << 20}, {0}},         {{7, 100003}, {1}},     {{100003, 7}, {0}},   {{3, 513, 300}, {1}},
      {{2, 3, 50000}, {1, 2}},  {{4000, 64}, {1}},      {{64, 4000}, {0}},    {{5, 6, 7}, {0, 2}},
      {{9, 1}, {1}},            {{0, 5}, {0}},          {{5, 0}, {1}},        {{33}, {}},
  };
  for (auto& c : cases) {
    auto v = uniformValues(static_cast<size_t>(sizeFromShape(c.shape)), 7, -2, 3);
    Axes axes = c.axes.empty() ? Axes() : Axes(c.axes);
    std::string what = shapeToString(c.shape);
    for (int op = 0; op < 3; ++op) {
      auto f = [&] {
        Tensor x = tensor(v, c.shape);
        return op == 0 ? sum(x, axes) : op == 1 ? mean(x, axes, true) : max(x, axes);
      };
      double tol = sizeFromShape(c.shape) >= 10000 ? 1e-5 : 1e-6;
      expectClose(valuesOn("cpu", f), valuesOn("ref", f), tol, (what + " op " + std::to_string(op)).c_str());
    }
  }
}

TEST(Reduction, CpuMaxPropagatesNaNAndHandlesInfinities) {
  auto v = uniformValues(3000, 9);
  for (double special : {NAN, INFINITY, -INFINITY}) {
    for (size_t pos : {0, 17, 1500, 2999}) {
      auto w = v;
      w[pos] = special;
      auto f = [&] { return max(tensor(w, {3, 1000}), 1); };
      auto g = [&] { return max(tensor(w, {1000, 3}), 0); };
      expectClose(valuesOn("cpu", f), valuesOn("ref", f), 0, "rows");
      expectClose(valuesOn("cpu", g), valuesOn("ref", g), 0, "columns");
    }
  }
}
