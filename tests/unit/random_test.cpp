// Random ops: the Alea generator bit for bit against seedrandom, seeds as TF.js spells them, and
// the distributions' statistics on large samples. (Seeded outputs of the ops themselves are
// compared with TF.js in the oracle family `random`.)
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "edgeflow/edgeflow.h"
#include "ops/random/alea.h"

using namespace edgeflow;

namespace {

double meanOf(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}
double stdOf(const std::vector<double>& v) {
  double m = meanOf(v), s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size()));
}

}  // namespace

// Expected streams: `require('seedrandom/lib/alea')(seed)` called five times, seedrandom 3.0.5
// (TF.js 4.22's dependency) in node, printed with String(x) and pasted here.
TEST(Alea, MatchesSeedrandomBitForBit) {
  const std::map<std::string, std::vector<double>> streams = {
      {"hello.", {0.4783254903741181, 0.8297006865032017, 0.46924330526962876, 0.2505575136747211, 0.31444981368258595}},
      {"42", {0.6848634963389486, 0.5463244677521288, 0.8455933185759932, 0.19908552314154804, 0.5637381218839437}},
      {"0.5", {0.05934533127583563, 0.5203025210648775, 0.11865817313082516, 0.009800460422411561, 0.04488652036525309}},
      {"", {0.1666577742435038, 0.4869158477522433, 0.00011322717182338238, 0.9002609080635011, 0.17695781611837447}},
  };
  for (auto& [seed, want] : streams) {
    random::Alea alea(seed);
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(alea.next(), want[i]) << "seed '" << seed << "' draw " << i;
  }
}

TEST(Alea, DrawsAreInUnitIntervalAndVary) {
  random::Alea alea("x");
  double prev = -1;
  int repeats = 0;
  for (int i = 0; i < 100000; ++i) {
    double u = alea.next();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    repeats += u == prev;
    prev = u;
  }
  EXPECT_EQ(repeats, 0);
}

// Expected strings: String(v) in node for the same numbers.
TEST(Alea, SeedNumbersAreSpelledAsJavaScriptDoes) {
  const std::vector<std::pair<double, std::string>> cases = {
      {42, "42"},
      {0.5, "0.5"},
      {-3.25, "-3.25"},
      {1e21, "1e+21"},
      {1e-7, "1e-7"},
      {123456789012345680000.0, "123456789012345680000"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1.0 / 3, "0.3333333333333333"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {100, "100"},
      {1e-6, "0.000001"},
      {123e-20, "1.23e-18"},
      {9007199254740992.0, "9007199254740992"},
      {-0.000001234, "-0.000001234"},
      {0, "0"},
      {-0.0, "0"},
      {NAN, "NaN"},
      {-INFINITY, "-Infinity"},
  };
  for (auto& [v, s] : cases) EXPECT_EQ(random::jsNumberToString(v), s);
}

TEST(Random, SeededCallsRepeatUnseededCallsDiffer) {
  auto a = randomUniform({64}, 0, 1, DType::float32, 7).dataSync();
  auto b = randomUniform({64}, 0, 1, DType::float32, 7).dataSync();
  EXPECT_EQ(a, b);
  EXPECT_NE(randomUniform({64}).dataSync(), randomUniform({64}).dataSync());
  EXPECT_NE(randomNormal({64}).dataSync(), randomNormal({64}).dataSync());
  EXPECT_EQ(randomNormal({64}, 0, 1, DType::float32, 3).dataSync(), randomNormal({64}, 0, 1, DType::float32, 3).dataSync());
  Tensor logits = tensor({1, 1, 1, 1});
  EXPECT_EQ(multinomial(logits, 64, 5).dataSync<int32_t>(), multinomial(logits, 64, 5).dataSync<int32_t>());
  EXPECT_NE(multinomial(logits, 64).dataSync<int32_t>(), multinomial(logits, 64).dataSync<int32_t>());
}

TEST(Random, SeedZeroFollowsTfjs) {
  // The uniform sampler takes 0 as a seed; the Gaussian one and multinomial treat it as unset.
  EXPECT_EQ(randomUniform({16}, 0, 1, DType::float32, 0).dataSync(), randomUniform({16}, 0, 1, DType::float32, 0).dataSync());
  EXPECT_NE(randomNormal({16}, 0, 1, DType::float32, 0).dataSync(), randomNormal({16}, 0, 1, DType::float32, 0).dataSync());
  Tensor logits = tensor({1, 1, 1, 1});
  EXPECT_NE(multinomial(logits, 64, 0).dataSync<int32_t>(), multinomial(logits, 64, 0).dataSync<int32_t>());
}

TEST(Random, UniformStatistics) {
  Tensor t = randomUniform({200000}, -2, 6, DType::float32, 11);
  EXPECT_EQ(t.dtype(), DType::float32);
  auto v = t.dataSync<double>();
  for (double x : v) {
    ASSERT_GE(x, -2);
    ASSERT_LE(x, 6);  // float32 rounding may reach maxval
  }
  EXPECT_NEAR(meanOf(v), 2.0, 0.03);
  EXPECT_NEAR(stdOf(v), 8 / std::sqrt(12.0), 0.02);
}

TEST(Random, UniformInt32TruncatesTowardZero) {
  auto v = randomUniform({100000}, -5, 5, DType::int32, 12).dataSync<double>();
  std::map<int, int> counts;
  for (double x : v) {
    ASSERT_EQ(x, std::trunc(x));
    ASSERT_GE(x, -4);  // -5 + 10u > -5 truncates to >= -4
    ASSERT_LE(x, 4);
    counts[static_cast<int>(x)]++;
  }
  // Truncation toward zero folds (-1, 1) onto 0: twice as likely as any other value.
  EXPECT_NEAR(counts[0] / 100000.0, 0.2, 0.01);
  EXPECT_NEAR(counts[3] / 100000.0, 0.1, 0.01);
}

TEST(Random, NormalStatistics) {
  Tensor t = randomNormal({200000}, 3, 2, DType::float32, 13);
  auto v = t.dataSync<double>();
  EXPECT_NEAR(meanOf(v), 3.0, 0.02);
  EXPECT_NEAR(stdOf(v), 2.0, 0.02);
  int beyond3 = 0;
  for (double x : v) beyond3 += std::fabs(x - 3) > 6;
  EXPECT_NEAR(beyond3 / 200000.0, 0.0027, 0.001);  // P(|z| > 3)
  auto s = randomStandardNormal({200000}, DType::float32, 14).dataSync<double>();
  EXPECT_NEAR(meanOf(s), 0.0, 0.01);
  EXPECT_NEAR(stdOf(s), 1.0, 0.01);
}

TEST(Random, NormalInt32IsRounded) {
  auto v = randomNormal({50000}, 0.5, 3, DType::int32, 15).dataSync<double>();
  for (double x : v) ASSERT_EQ(x, std::round(x));
  EXPECT_NEAR(meanOf(v), 0.5, 0.06);  // rounding half up keeps the mean
}

TEST(Random, TruncatedNormalStaysWithinTwoStdDevs) {
  auto v = truncatedNormal({200000}, -1, 0.5, DType::float32, 16).dataSync<double>();
  for (double x : v) {
    ASSERT_GE(x, -1 - 2 * 0.5 - 1e-6);
    ASSERT_LE(x, -1 + 2 * 0.5 + 1e-6);
  }
  EXPECT_NEAR(meanOf(v), -1.0, 0.01);
  // The standard deviation of a normal truncated at ±2σ is 0.8796σ.
  EXPECT_NEAR(stdOf(v), 0.8796 * 0.5, 0.005);
}

TEST(Random, MultinomialFrequencies) {
  Tensor probs = tensor({0.1, 0.2, 0.7});
  auto v = multinomial(probs, 100000, 21, true).dataSync<int32_t>();
  std::vector<int> counts(3);
  for (int32_t x : v) counts.at(static_cast<size_t>(x))++;
  EXPECT_NEAR(counts[0] / 100000.0, 0.1, 0.01);
  EXPECT_NEAR(counts[1] / 100000.0, 0.2, 0.01);
  EXPECT_NEAR(counts[2] / 100000.0, 0.7, 0.01);

  Tensor logits = tensor2d({{0, std::log(3.0)}, {std::log(4.0), 0}});  // softmax: [1/4, 3/4], [4/5, 1/5]
  Tensor s = multinomial(logits, 50000, 22);
  EXPECT_EQ(s.shape(), (Shape{2, 50000}));
  EXPECT_EQ(s.dtype(), DType::int32);
  auto d = s.dataSync<int32_t>();
  double ones0 = 0, ones1 = 0;
  for (size_t i = 0; i < 50000; ++i) ones0 += d[i], ones1 += d[50000 + i];
  EXPECT_NEAR(ones0 / 50000, 0.75, 0.01);
  EXPECT_NEAR(ones1 / 50000, 0.2, 0.01);
}

TEST(Random, ShapesAndDtypes) {
  EXPECT_EQ(randomUniform({2, 0, 3}).shape(), (Shape{2, 0, 3}));
  EXPECT_EQ(randomNormal({}).shape(), Shape{});
  EXPECT_EQ(randomUniform({4}, 0, 2, DType::bool_, 1).dtype(), DType::bool_);
  EXPECT_EQ(truncatedNormal({3}, 0, 1, DType::int32).dtype(), DType::int32);
  EXPECT_EQ(multinomial(tensor({1, 2, 3}), 5).shape(), Shape{5});
  EXPECT_EQ(multinomial(tensor({1, 2, 3}, {1, 3}, DType::int32), 5).shape(), (Shape{1, 5}));
}

TEST(Random, BadArgumentsThrow) {
  EXPECT_THROW(randomUniform({2, -1}), Error);
  EXPECT_THROW(randomUniform({2}, 0, 1, DType::uint8), Error);
  EXPECT_THROW(randomNormal({-3}), Error);
  EXPECT_THROW(randomNormal({3}, 0, 1, DType::bool_), Error);
  EXPECT_THROW(truncatedNormal({3}, 0, 1, DType::bool_), Error);
  EXPECT_THROW(truncatedNormal({3}, 0, -1), Error);  // TF.js would loop forever
  EXPECT_THROW(truncatedNormal({3}, NAN, 1), Error);
  EXPECT_THROW(randomStandardNormal({3}, DType::bool_), Error);
  EXPECT_THROW(multinomial(tensor({1}), 3), Error);
  EXPECT_THROW(multinomial(tensor({1, 2, 3, 4}, {1, 2, 2}), 3), Error);
  EXPECT_THROW(multinomial(tensor({1, 2}), -1), Error);
  try {
    randomNormal({2, -1});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("randomNormal"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("[2,-1]"), std::string::npos) << e.what();
  }
}

TEST(Random, NoTensorsLeak) {
  auto before = memory();
  {
    Tensor a = randomUniform({10});
    Tensor b = truncatedNormal({10});
    Tensor c = multinomial(tensor({1, 2, 3}), 4);
    Tensor d = multinomial(tensor({1, 2, 3, 4}, {2, 2}, DType::int32), 4);
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}
