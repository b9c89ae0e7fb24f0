// tf.data Dataset: sources, transformations, sizes, batching, shuffling and memory. Expected
// orders and sizes come from TF.js 4.22 (tf.data in node; the scripts are quoted beside them).
#include <gtest/gtest.h>

#include <numeric>

#include "edgeflow/data.h"
#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"

using namespace edgeflow;

namespace {

std::vector<double> range(int n) {
  std::vector<double> v(n);
  std::iota(v.begin(), v.end(), 0.0);
  return v;
}

template <class T>
std::vector<T> all(const data::Dataset<T>& ds) {
  return ds.toArray();
}

using edgeflow_test::errorOf;

}  // namespace

TEST(DataDataset, ArrayIteratesInOrderAndRestarts) {
  auto ds = data::array(range(5));
  EXPECT_EQ(ds.size(), 5);
  EXPECT_EQ(all(ds), range(5));
  EXPECT_EQ(all(ds), range(5));  // each iteration starts over
  auto it = ds.iterator();
  EXPECT_EQ(it->next(), 0.0);
  EXPECT_EQ(it->next(), 1.0);
  EXPECT_EQ(it->toArray(), (std::vector<double>{2, 3, 4}));
  EXPECT_EQ(it->next(), std::nullopt);
  EXPECT_EQ(it->next(), std::nullopt);
}

TEST(DataDataset, MapFilterTakeSkip) {
  auto ds = data::array(range(10));
  auto squares = ds.map([](double x) { return static_cast<int>(x * x); });
  EXPECT_EQ(squares.size(), 10);
  EXPECT_EQ(all(squares), (std::vector<int>{0, 1, 4, 9, 16, 25, 36, 49, 64, 81}));
  auto odd = ds.filter([](const double& x) { return static_cast<int>(x) % 2 == 1; });
  EXPECT_EQ(odd.size(), std::nullopt);
  EXPECT_EQ(all(odd), (std::vector<double>{1, 3, 5, 7, 9}));
  EXPECT_EQ(all(ds.skip(7)), (std::vector<double>{7, 8, 9}));
  EXPECT_EQ(all(ds.take(3)), (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(all(ds.skip(2).take(2)), (std::vector<double>{2, 3}));
  // TF.js: take(-1) and skip(-1) leave the stream whole; skip past the end is empty (size 0).
  EXPECT_EQ(all(ds.take(-1)).size(), 10u);
  EXPECT_EQ(all(ds.skip(-1)).size(), 10u);
  EXPECT_EQ(all(ds.skip(20)).size(), 0u);
  EXPECT_EQ(ds.skip(20).size(), 0);
  EXPECT_EQ(ds.take(20).size(), 10);
}

TEST(DataDataset, RepeatConcatenateAndSizes) {
  auto ds = data::array(range(3));
  EXPECT_EQ(all(ds.repeat(2)), (std::vector<double>{0, 1, 2, 0, 1, 2}));
  EXPECT_EQ(all(ds.repeat().take(7)), (std::vector<double>{0, 1, 2, 0, 1, 2, 0}));
  EXPECT_EQ(all(ds.concatenate(data::array(std::vector<double>{9}))), (std::vector<double>{0, 1, 2, 9}));
  // Sizes as TF.js reports them for a 10-element array: repeat() Infinity, repeat(3) 30,
  // repeat(0) 0, batch(3) 4, batch(3, false) 3.
  auto ten = data::array(range(10));
  EXPECT_EQ(ten.repeat().size(), data::kInfinity);
  EXPECT_EQ(ten.repeat(3).size(), 30);
  EXPECT_EQ(ten.repeat(0).size(), 0);
  EXPECT_EQ(ten.batch(3).size(), 4);
  EXPECT_EQ(ten.batch(3, false).size(), 3);
  EXPECT_EQ(ten.concatenate(ten).size(), 20);
  EXPECT_EQ(ten.repeat().concatenate(ten).size(), data::kInfinity);
  EXPECT_EQ(ten.filter([](double) { return true; }).concatenate(ten).size(), std::nullopt);
  EXPECT_NE(errorOf([&] { ten.repeat().toArray(); }).find("Can not convert infinite data stream to array"),
            std::string::npos);
  // Repeating an empty dataset forever ends instead of spinning.
  EXPECT_TRUE(all(data::Dataset<double>().repeat()).empty());
  EXPECT_TRUE(all(ten.filter([](double) { return false; }).repeat()).empty());
}

TEST(DataDataset, GeneratorRestartsEachIterationAndStopsAtNullopt) {
  int calls = 0;
  auto ds = data::generator([i = 0, &calls]() mutable -> std::optional<int> {
    ++calls;
    if (i < 3) return i++;
    return std::nullopt;
  });
  EXPECT_EQ(ds.size(), std::nullopt);
  EXPECT_EQ(all(ds), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(all(ds), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(calls, 8);
  auto it = ds.iterator();
  it->toArray();
  it->next();
  it->next();
  EXPECT_EQ(calls, 12);  // never called again after it returned nullopt
  EXPECT_EQ(all(ds.repeat(2)), (std::vector<int>{0, 1, 2, 0, 1, 2}));
}

TEST(DataDataset, ForEachAndRangeFor) {
  auto ds = data::array(range(4));
  double sum = 0;
  ds.forEach([&](double x) { sum += x; });
  EXPECT_EQ(sum, 6);
  ds.forEachAsync([&](const double& x) { sum += x; });
  EXPECT_EQ(sum, 12);
  std::vector<double> seen;
  for (const double& x : ds.map([](double x) { return x * 10; })) seen.push_back(x);
  EXPECT_EQ(seen, (std::vector<double>{0, 10, 20, 30}));
}

TEST(DataDataset, BatchNumbersAndArraysAsTF) {
  // tf.data.array([[1,2],[3,4],[5,6]]).batch(2) -> [[1,2],[3,4]] then [[5,6]].
  auto ds = data::array(std::vector<std::vector<double>>{{1, 2}, {3, 4}, {5, 6}});
  auto batches = ds.batch(2).toArray();
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[0].shape(), (Shape{2, 2}));
  EXPECT_EQ(batches[0].dataSync(), (std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(batches[1].shape(), (Shape{1, 2}));
  EXPECT_EQ(batches[1].dataSync(), (std::vector<float>{5, 6}));
  auto dropped = ds.batch(2, false).toArray();
  EXPECT_EQ(dropped.size(), 1u);
  // Numbers make a float32 vector, bools a bool one (TF.js: dtype 'bool').
  auto nums = data::array(std::vector<int>{1, 2, 3}).batch(5).toArray();
  ASSERT_EQ(nums.size(), 1u);
  EXPECT_EQ(nums[0].dtype(), DType::float32);
  EXPECT_EQ(nums[0].shape(), (Shape{3}));
  auto bools = data::array(std::vector<bool>{true, false}).batch(2).toArray();
  EXPECT_EQ(bools[0].dtype(), DType::bool_);
  EXPECT_EQ(bools[0].dataSync<int32_t>(), (std::vector<int32_t>{1, 0}));
  // Nested arrays make higher-rank tensors.
  using M = std::vector<std::vector<double>>;
  auto mats = data::array(std::vector<M>{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}).batch(2).toArray();
  EXPECT_EQ(mats[0].shape(), (Shape{2, 2, 2}));
  EXPECT_EQ(mats[0].dataSync(), (std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(DataDataset, BatchStacksTensorsMapsAndExamples) {
  auto before = memory().numTensors;
  {
    std::vector<Tensor> ts{tensor({1, 2}), tensor({3, 4}), tensor({5, 6})};
    auto stacked = data::array(ts).batch(2).toArray();
    ASSERT_EQ(stacked.size(), 2u);
    EXPECT_EQ(stacked[0].shape(), (Shape{2, 2}));
    EXPECT_EQ(stacked[0].dataSync(), (std::vector<float>{1, 2, 3, 4}));
    EXPECT_EQ(stacked[1].shape(), (Shape{1, 2}));

    std::vector<data::TensorMap> maps{{{"a", scalar(1)}, {"b", tensor({1, 1})}},
                                      {{"a", scalar(2)}, {"b", tensor({2, 2})}}};
    auto mb = data::array(maps).batch(2).toArray();
    ASSERT_EQ(mb.size(), 1u);
    EXPECT_EQ(mb[0].at("a").shape(), (Shape{2}));
    EXPECT_EQ(mb[0].at("b").shape(), (Shape{2, 2}));
    EXPECT_EQ(mb[0].at("b").dataSync(), (std::vector<float>{1, 1, 2, 2}));

    std::vector<data::Example> ex{{tensor({1, 2}), scalar(0)}, {tensor({3, 4}), scalar(1)}};
    auto eb = data::array(ex).batch(4).toArray();
    ASSERT_EQ(eb.size(), 1u);
    EXPECT_EQ(eb[0].xs.shape(), (Shape{2, 2}));
    EXPECT_EQ(eb[0].ys.dataSync(), (std::vector<float>{0, 1}));

    auto tb = data::zip(data::array(range(3)), data::array(ts)).batch(3).toArray();
    EXPECT_EQ(std::get<0>(tb[0]).dataSync(), (std::vector<float>{0, 1, 2}));
    EXPECT_EQ(std::get<1>(tb[0]).shape(), (Shape{3, 2}));

    std::vector<std::vector<Tensor>> pairs{{scalar(1), tensor({1, 2, 3})}, {scalar(2), tensor({4, 5, 6})}};
    auto vb = data::array(pairs).batch(2).toArray();
    ASSERT_EQ(vb[0].size(), 2u);
    EXPECT_EQ(vb[0][1].shape(), (Shape{2, 3}));
  }
  EXPECT_EQ(memory().numTensors, before);
}

TEST(DataDataset, BatchErrorsNameTheField) {
  auto ragged = data::array(std::vector<std::vector<double>>{{1, 2}, {3}});
  EXPECT_NE(errorOf([&] { ragged.batch(2).toArray(); }).find("ragged"), std::string::npos);
  std::vector<data::Example> ex{{tensor({1, 2}), scalar(0)}, {tensor({3, 4, 5}), scalar(1)}};
  std::string e = errorOf([&] { data::array(ex).batch(2).toArray(); });
  EXPECT_NE(e.find("field 'xs'"), std::string::npos) << e;
  EXPECT_NE(e.find("[3]"), std::string::npos) << e;
  std::vector<data::TensorMap> maps{{{"a", scalar(1)}}, {{"b", scalar(2)}}};
  e = errorOf([&] { data::array(maps).batch(2).toArray(); });
  EXPECT_NE(e.find("no key 'a'"), std::string::npos) << e;
  e = errorOf([&] { data::array(range(3)).batch(0); });
  EXPECT_NE(e.find("batchSize needs to be positive, but it is 0"), std::string::npos) << e;
}

TEST(DataDataset, ShuffleMatchesTFJSOrders) {
  auto ten = data::array(range(10));
  // const s = tf.data.array([0..9]).shuffle(4, '42'); await s.toArray() twice:
  auto s = ten.shuffle(4, "42");
  EXPECT_EQ(all(s), (std::vector<double>{2, 1, 5, 3, 6, 0, 4, 7, 9, 8}));
  EXPECT_EQ(all(s), (std::vector<double>{3, 0, 1, 5, 6, 7, 9, 8, 2, 4}));
  // shuffle(4, '42', false): TF.js's first iteration; here every iteration keeps that order
  // (TF.js 4.22 reshuffles anyway, which contradicts its documentation).
  auto fixed = ten.shuffle(4, "42", false);
  EXPECT_EQ(all(fixed), (std::vector<double>{0, 3, 4, 5, 1, 8, 9, 6, 2, 7}));
  EXPECT_EQ(all(fixed), (std::vector<double>{0, 3, 4, 5, 1, 8, 9, 6, 2, 7}));
  // A buffer larger than the data: tf.data.array([0..19]).shuffle(100, 'abc').
  EXPECT_EQ(all(data::array(range(20)).shuffle(100, "abc")),
            (std::vector<double>{9, 4, 14, 0, 5, 6, 2, 13, 1, 12, 16, 18, 17, 10, 3, 19, 7, 11, 8, 15}));
  EXPECT_EQ(all(data::array(range(20)).shuffle(100, 42.0)), all(data::array(range(20)).shuffle(100, "42")));
  // Unseeded: a permutation, and (almost surely) not the identity.
  auto hundred = data::array(range(100));
  auto perm = all(hundred.shuffle(100));
  EXPECT_NE(perm, range(100));
  std::sort(perm.begin(), perm.end());
  EXPECT_EQ(perm, range(100));
  EXPECT_EQ(hundred.shuffle(10).size(), 100);
  EXPECT_NE(errorOf([&] { ten.shuffle(0); }).find("bufferSize"), std::string::npos);
}

TEST(DataDataset, PrefetchKeepsOrder) {
  auto ds = data::array(range(7));
  EXPECT_EQ(all(ds.prefetch(3)), range(7));
  EXPECT_EQ(all(ds.prefetch(100)), range(7));
  EXPECT_NE(errorOf([&] { ds.prefetch(0); }).find("bufferSize"), std::string::npos);
}

TEST(DataDataset, ZipForms) {
  auto a = data::array(range(10));
  auto b = a.take(3);
  // tf.data.zip({xs: a, ys: a.take(3)}) -> [{xs:0,ys:0},{xs:1,ys:1},{xs:2,ys:2}]
  auto xy = data::zip(data::XY{a, b}).toArray();
  ASSERT_EQ(xy.size(), 3u);
  EXPECT_EQ(xy[2].xs, 2);
  EXPECT_EQ(xy[2].ys, 2);
  // tf.data.zip([a, a.skip(8)]) -> [[0,8],[1,9]]
  auto v = data::zip(std::vector<data::Dataset<double>>{a, a.skip(8)}).toArray();
  EXPECT_EQ(v, (std::vector<std::vector<double>>{{0, 8}, {1, 9}}));
  auto m = data::zip(std::map<std::string, data::Dataset<double>>{{"p", a}, {"q", a.skip(5)}}).toArray();
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[4].at("q"), 9);
  auto t = data::zip(a, a.map([](double x) { return std::to_string(static_cast<int>(x)); }));
  EXPECT_EQ(t.size(), 10);
  EXPECT_EQ(std::get<1>(t.toArray()[7]), "7");
  EXPECT_EQ(data::zip(a, b).size(), 3);
}

TEST(DataDataset, PipelineLeavesNoTensors) {
  auto before = memory();
  {
    auto ds = data::generator([i = 0]() mutable -> std::optional<data::Example> {
                if (i >= 50) return std::nullopt;
                double v = i++;
                return data::Example{tensor({v, v + 1, v + 2}), scalar(v)};
              })
                  .map([](data::Example e) { return data::Example{mul(e.xs, scalar(2)), e.ys}; })
                  .filter([](const data::Example& e) { return e.ys.dataSync()[0] != 7; })
                  .shuffle(8, "1")
                  .batch(6)
                  .prefetch(2);
    int batches = 0, rows = 0;
    for (int epoch = 0; epoch < 2; ++epoch) {
      ds.forEach([&](const data::Example& b) {
        ++batches;
        rows += static_cast<int>(b.xs.shape()[0]);
        // While iterating, only the buffered elements are alive (shuffle 8 + prefetch 2 batches).
        EXPECT_LT(memory().numTensors - before.numTensors, 60);
      });
    }
    EXPECT_EQ(batches, 2 * 9);
    EXPECT_EQ(rows, 2 * 49);
    // Stopping mid-iteration releases what the buffers held once the iterator goes.
    {
      auto it = ds.iterator();
      it->next();
    }
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}

TEST(DataDataset, BufferedElementsSurviveTidyAroundNext) {
  auto before = memory().numTensors;
  {
    std::vector<Tensor> ts;
    for (int i = 0; i < 6; ++i) ts.push_back(scalar(i));
    auto ds = data::array(range(6)).map([](double x) { return scalar(x * 10); }).shuffle(6, "7");
    auto it = ds.iterator();
    double sum = 0;
    for (int i = 0; i < 6; ++i) {
      // The first call fills the shuffle buffer inside this tidy; later calls must still find
      // those tensors alive.
      sum += tidy([&] { return it->next()->dataSync()[0]; });
    }
    EXPECT_EQ(sum, 150);
    EXPECT_EQ(it->next(), std::nullopt);
  }
  EXPECT_EQ(memory().numTensors, before);
}
