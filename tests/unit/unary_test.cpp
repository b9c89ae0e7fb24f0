// The cpu backend's vectorised Exp, Sigmoid, Tanh and Softmax against double-precision maths over
// dense sweeps (the oracle cases only sample them), including the ranges where they overflow,
// underflow or switch formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

// Evenly spaced float32 values in [lo, hi], plus the specials.
std::vector<float> sweep(double lo, double hi, int n) {
  std::vector<float> v;
  for (int i = 0; i < n; ++i) v.push_back(static_cast<float>(lo + (hi - lo) * i / (n - 1)));
  for (float s : {0.0f, -0.0f, INFINITY, -INFINITY, NAN, 1e-30f, -1e-30f}) v.push_back(s);
  return v;
}

// Runs op on the cpu backend and checks every element against want (in double) within `ulps`
// float32 ulps of the true value (or an absolute 1e-37 for results in the denormal range).
void expectAccurate(const std::string& what, const std::vector<float>& xs, const std::function<Tensor(const Tensor&)>& op,
                    const std::function<double(double)>& want, double ulps) {
  std::string prev = getBackend();
  setBackend("cpu");
  auto got = tidy([&] { return op(tensor(xs, {static_cast<int64_t>(xs.size())})).dataSync(); });
  setBackend(prev);
  ASSERT_EQ(got.size(), xs.size());
  int bad = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    double w = want(xs[i]);
    double g = got[i];
    if (std::isnan(w)) {
      if (!std::isnan(g) && bad++ < 5) ADD_FAILURE() << what << "(" << xs[i] << ") = " << g << ", want NaN";
      continue;
    }
    if (std::fabs(w) > 3.4028234663852886e38) {  // beyond FLT_MAX: must overflow to ±Inf
      if (g != (w > 0 ? INFINITY : -INFINITY) && bad++ < 5) ADD_FAILURE() << what << "(" << xs[i] << ") = " << g;
      continue;
    }
    double tol = std::max(ulps * std::ldexp(1.0, std::ilogb(std::max(std::fabs(w), 1.17549435e-38)) - 23), 1e-37);
    if (!(std::fabs(g - w) <= tol) && bad++ < 5)
      ADD_FAILURE() << what << "(" << xs[i] << ") = " << g << ", want " << w << " (" << (g - w) / tol * ulps << " ulps)";
  }
}

}  // namespace

TEST(CpuUnary, ExpIsAccurateFromUnderflowToOverflow) {
  expectAccurate("exp", sweep(-110, 95, 400001), [](const Tensor& x) { return exp(x); },
                 [](double x) { return std::exp(x); }, 2);
}

TEST(CpuUnary, SigmoidIsAccurate) {
  expectAccurate("sigmoid", sweep(-120, 120, 400001), [](const Tensor& x) { return sigmoid(x); },
                 [](double x) { return 1 / (1 + std::exp(-x)); }, 3);
}

TEST(CpuUnary, TanhIsAccurateOnBothSidesOfItsFormulaSwitch) {
  expectAccurate("tanh", sweep(-12, 12, 400001), [](const Tensor& x) { return tanh(x); },
                 [](double x) { return std::tanh(x); }, 4);
  expectAccurate("tanh", sweep(0.6, 0.65, 20001), [](const Tensor& x) { return tanh(x); },
                 [](double x) { return std::tanh(x); }, 4);
}

TEST(CpuUnary, ReluKeepsNaNAndZeroesNegatives) {
  expectAccurate("relu", sweep(-5, 5, 10001), [](const Tensor& x) { return relu(x); },
                 [](double x) { return std::isnan(x) ? x : std::max(0.0, x); }, 0);
}

TEST(CpuUnary, IntInputsTakeTheReferencePath) {
  Tensor x = tensor(std::vector<int32_t>{-2, 0, 3});
  EXPECT_EQ(relu(x).dtype(), DType::int32);
  EXPECT_EQ(relu(x).dataSync<int32_t>(), (std::vector<int32_t>{0, 0, 3}));
  EXPECT_EQ(exp(x).dtype(), DType::float32);
  EXPECT_FLOAT_EQ(exp(x).dataSync()[2], std::exp(3.0f));
}

// Softmax rows of every length up to a few vector widths (the tails), against double maths on
// TF.js's float32 x - max (whose rounding alone moves tiny outputs by ~1e-6 relative).
TEST(CpuUnary, SoftmaxRowsOfEveryLengthMatchDouble) {
  std::string prev = getBackend();
  setBackend("cpu");
  for (int64_t n = 1; n <= 70; ++n) {
    int64_t rows = 3;
    std::vector<float> xs;
    for (int64_t i = 0; i < rows * n; ++i) xs.push_back(static_cast<float>(std::sin(0.7 * i + n) * 20));
    auto got = tidy([&] { return softmax(tensor(xs, {rows, n})).dataSync(); });
    for (int64_t r = 0; r < rows; ++r) {
      double m = -INFINITY, total = 0;
      for (int64_t j = 0; j < n; ++j) m = std::max(m, static_cast<double>(xs[r * n + j]));
      auto e = [&](int64_t j) { return std::exp(static_cast<double>(xs[r * n + j] - static_cast<float>(m))); };
      for (int64_t j = 0; j < n; ++j) total += e(j);
      for (int64_t j = 0; j < n; ++j) {
        double w = e(j) / total;
        EXPECT_NEAR(got[r * n + j], w, 1e-6 * w + 1e-37) << "row length " << n << ", [" << r << "," << j << "]";
      }
    }
  }
  setBackend(prev);
}

// Gradients are written with ops, so they differentiate again.
TEST(UnaryGradients, SecondOrder) {
  auto second = [](UnaryFn f) {
    return grad([f](const Tensor& x) { return grad(f)(x, Tensor()); });
  };
  Tensor x = tensor({-1.5, -0.2, 0.3, 2});
  auto xs = x.dataSync<double>();
  auto dTanh = second([](const Tensor& v) { return tanh(v); })(x, Tensor()).dataSync<double>();
  auto dSigmoid = second([](const Tensor& v) { return sigmoid(v); })(x, Tensor()).dataSync<double>();
  auto dLogSigmoid = second([](const Tensor& v) { return logSigmoid(v); })(x, Tensor()).dataSync<double>();
  auto dSin = second([](const Tensor& v) { return sin(v); })(x, Tensor()).dataSync<double>();
  for (size_t i = 0; i < xs.size(); ++i) {
    double t = std::tanh(xs[i]), s = 1 / (1 + std::exp(-xs[i]));
    EXPECT_NEAR(dTanh[i], -2 * t * (1 - t * t), 1e-5);
    EXPECT_NEAR(dSigmoid[i], s * (1 - s) * (1 - 2 * s), 1e-5);
    EXPECT_NEAR(dLogSigmoid[i], -s * (1 - s), 1e-5);
    EXPECT_NEAR(dSin[i], -std::sin(xs[i]), 1e-5);
  }
}

TEST(UnaryErrors, NameTheOpAndArgument) {
  auto message = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  Tensor ints = tensor(std::vector<int32_t>{1, 2, 3});
  EXPECT_NE(message([&] { cos(ints); }).find("cos: argument 'x' must be float32"), std::string::npos);
  EXPECT_NE(message([&] { softmax(ints); }).find("softmax: argument 'logits'"), std::string::npos);
  EXPECT_NE(message([&] { erf(tensor(std::vector<bool>{true})); }).find("erf"), std::string::npos);
  EXPECT_NE(message([&] { softmax(tensor({1, 2, 3, 4}, {2, 2}), 0); }).find("[2,2]"), std::string::npos);
  EXPECT_NE(message([&] { prelu(tensor({1, 2, 3, 4}, {2, 2}), tensor({1, 2, 3})); }).find("prelu"), std::string::npos);
  EXPECT_EQ(message([&] { clipByValue(tensor({1}), 2, 1); }),
            "clipByValue: clipValueMin (2) must be less than or equal to clipValueMax (1)");
}
