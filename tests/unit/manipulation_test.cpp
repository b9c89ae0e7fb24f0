// Shape ops beyond the TF.js oracle: where TF.js 4.22 is wrong or silent (edgeflow follows
// TensorFlow), gradients TF.js lacks, and the cpu backend's copy kernels against ref.
#include <gtest/gtest.h>

#include <random>

#include "edgeflow/edgeflow.h"
#include "ops/segment_sum.h"

using namespace edgeflow;

namespace {

Tensor iota(const Shape& shape) {
  std::vector<double> v(static_cast<size_t>(sizeFromShape(shape)));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i);
  return tensor(v, shape);
}

std::vector<float> floats(std::initializer_list<float> v) { return v; }

// Restores the backend when a test ends.
struct OnBackend {
  std::string prev = getBackend();
  explicit OnBackend(const std::string& b) { setBackend(b); }
  ~OnBackend() { setBackend(prev); }
};

}  // namespace

// TF.js 4.22 reads x.flat[1], x.flat[2] here (shrinkAxisMask with a stride of 2).
TEST(StridedSlice, ShrinkWithStrideReadsTheRightElements) {
  Tensor x = iota({3, 4});
  Tensor row = stridedSlice(x, {1, 0}, {2, 4}, {1, 2}, 0, 0, 0, 0, 1);  // x[1, 0:4:2]
  EXPECT_EQ(row.shape(), (Shape{2}));
  EXPECT_EQ(row.dataSync(), floats({4, 6}));
  Tensor col = stridedSlice(x, {0, 1}, {3, 2}, {2, 1}, 0, 0, 0, 0, 2);  // x[0:3:2, 1]
  EXPECT_EQ(col.dataSync(), floats({1, 9}));
}

// TF.js 4.22 throws or returns the wrong size when end < begin with stride 1.
TEST(StridedSlice, EndBeforeBeginIsEmpty) {
  EXPECT_EQ(stridedSlice(iota({5}), {3}, {1}).shape(), (Shape{0}));
  EXPECT_EQ(stridedSlice(iota({4, 5}), {2, 0}, {1, 5}).shape(), (Shape{0, 5}));
  EXPECT_EQ(stridedSlice(iota({4, 5}), {0, 3}, {4, 1}).shape(), (Shape{4, 0}));
}

TEST(StridedSlice, MasksTogether) {
  // x[1:, ..., newaxis, ::-2] on [3, 2, 5]
  Tensor y = stridedSlice(iota({3, 2, 5}), {1, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 1, -2}, 0b1000, 0b1001, 0b0010, 0b0100);
  EXPECT_EQ(y.shape(), (Shape{2, 2, 1, 3}));
  EXPECT_EQ(y.dataSync(), floats({14, 12, 10, 19, 17, 15, 24, 22, 20, 29, 27, 25}));
}

TEST(StridedSlice, BadArgumentsThrow) {
  EXPECT_THROW(stridedSlice(iota({4}), {0, 0}, {1}), Error);        // lengths differ
  EXPECT_THROW(stridedSlice(iota({4}), {0}, {4}, {0}), Error);      // zero stride
  EXPECT_THROW(stridedSlice(iota({4}), {4}, {5}, {1}, 0, 0, 0, 0, 1), Error);  // shrink out of range
}

TEST(StridedSlice, GradientScattersDyToTheReadPositions) {
  auto g = grad([](const Tensor& x) { return stridedSlice(x, {1, 0}, {2, 4}, {1, 2}, 0, 0, 0, 0, 1); });
  Tensor dx = g(iota({3, 4}), tensor({5, 7}));
  EXPECT_EQ(dx.shape(), (Shape{3, 4}));
  EXPECT_EQ(dx.dataSync(), floats({0, 0, 0, 0, 5, 0, 7, 0, 0, 0, 0, 0}));
  // Reversed with a step: x[::-2] of [5] reads 4, 2, 0.
  auto r = grad([](const Tensor& x) { return stridedSlice(x, {0}, {0}, {-2}, 1, 1); });
  EXPECT_EQ(r(iota({5}), tensor({1, 2, 3})).dataSync(), floats({3, 0, 2, 0, 1}));
}

// TF.js only checks the flattened position (so [0, 4] reads x[1, 0] of a [3, 4] x).
TEST(GatherND, EachCoordinateIsChecked) {
  EXPECT_THROW(gatherND(iota({3, 4}), tensor(std::vector<int32_t>{0, 4}, {1, 2})), Error);
  EXPECT_THROW(gatherND(iota({3, 4}), tensor(std::vector<int32_t>{1, -1}, {1, 2})), Error);
  EXPECT_EQ(gatherND(iota({3, 4}), tensor(std::vector<int32_t>{2, 1}, {1, 2})).dataSync(), floats({9}));
}

TEST(GatherND, GradientAndScatterNDGradient) {
  Tensor idx = tensor(std::vector<int32_t>{0, 1, 2, 3, 0, 1}, {3, 2});
  auto g = grad([&](const Tensor& x) { return gatherND(x, idx); });
  EXPECT_EQ(g(iota({3, 4}), tensor({1, 2, 3})).dataSync(), floats({0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
  auto s = grad([&](const Tensor& u) { return scatterND(idx, u, {3, 4}); });
  EXPECT_EQ(s(tensor({1, 1, 1}), iota({3, 4})).dataSync(), floats({1, 11, 1}));
}

TEST(Gather, GradientWithTwoBatchDims) {
  // x [2, 2, 3], indices [2, 2, 2] along axis 2: each (i, j) row gathers its own elements.
  Tensor idx = tensor(std::vector<int32_t>{0, 0, 2, 1, 1, 1, 0, 2}, {2, 2, 2});
  auto g = grad([&](const Tensor& x) { return gather(x, idx, 2, 2); });
  Tensor dx = g(iota({2, 2, 3}), Tensor());
  EXPECT_EQ(dx.dataSync(), floats({2, 0, 0, 0, 1, 1, 0, 2, 0, 1, 0, 1}));
}

TEST(Gather, OutOfRangeIndexThrows) {
  EXPECT_THROW(gather(iota({3}), tensor(std::vector<int32_t>{3})), Error);
  EXPECT_THROW(gather(iota({3}), tensor({1})), Error);  // float indices
}

TEST(UnsortedSegmentSum, SumsAndDropsOutOfRangeIds) {
  Tensor ids = tensor(std::vector<int32_t>{1, -1, 1, 3});
  Tensor y = internal::unsortedSegmentSum(iota({4, 2}), ids, 2);
  EXPECT_EQ(y.dataSync(), floats({0, 0, 4, 6}));
  auto g = grad([&](const Tensor& x) { return internal::unsortedSegmentSum(x, ids, 2); });
  EXPECT_EQ(g(iota({4, 2}), tensor({1, 2, 3, 4}, {2, 2})).dataSync(), floats({3, 4, 0, 0, 3, 4, 0, 0}));
}

TEST(Tile, GradientOfRank5) {  // TF.js's Tile gradient stops at rank 4
  auto g = grad([](const Tensor& x) { return tile(x, {2, 1, 3, 1, 2}); });
  Tensor dx = g(iota({1, 2, 1, 1, 2}), Tensor());
  EXPECT_EQ(dx.dataSync(), floats({12, 12, 12, 12}));
}

TEST(BroadcastTo, ToAZeroDimension) {  // TF.js returns x unchanged here
  EXPECT_EQ(broadcastTo(iota({1, 2}), {0, 2}).shape(), (Shape{0, 2}));
}

TEST(DepthToSpace, GradientIsTheInverseRearrangement) {
  Tensor x = iota({1, 1, 2, 8});
  auto g = grad([](const Tensor& t) { return depthToSpace(t, 2); });
  Tensor y = depthToSpace(x, 2);
  EXPECT_EQ(y.shape(), (Shape{1, 2, 4, 2}));
  // dy = y sends every value back where it came from.
  EXPECT_EQ(g(x, y).dataSync(), x.dataSync());
}

TEST(SpaceToBatch, RoundTrip) {
  Tensor x = iota({2, 4, 6, 3});
  Tensor b = spaceToBatchND(x, {2, 3}, {{1, 1}, {0, 3}});
  EXPECT_EQ(b.shape(), (Shape{12, 3, 3, 3}));
  Tensor back = batchToSpaceND(b, {2, 3}, {{1, 1}, {0, 3}});
  EXPECT_EQ(back.shape(), x.shape());
  EXPECT_EQ(back.dataSync(), x.dataSync());
}

TEST(ManipulationArguments, RejectedWhereTfjsIsSilent) {
  EXPECT_THROW(reverse(iota({2, 3}), Axes({0, 0})), Error);
  EXPECT_THROW(reverse(iota({2, 3}), Axes({1, -1})), Error);
  EXPECT_THROW(transpose(iota({2, 3}), {0, 0}), Error);
  EXPECT_THROW(pad(iota({2, 3}), {{0, 0}, {-1, 0}}), Error);
  EXPECT_THROW(pad(iota({2, 3}), {{1, 0}}), Error);
  EXPECT_THROW(slice(iota({5}), {-2}), Error);
  EXPECT_THROW(concat({}), Error);
  EXPECT_THROW(stack({}), Error);
}

TEST(Split, InferredSizeMayComeFirst) {  // TF.js miscounts a leading -1
  auto parts = split(iota({5}), std::vector<int64_t>{-1, 2});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].dataSync(), floats({0, 1, 2}));
  EXPECT_EQ(parts[1].dataSync(), floats({3, 4}));
}

TEST(ManipulationMethods, ChainAndDoNotLeak) {
  auto before = memory();
  tidy([] {
    Tensor x = iota({2, 3});
    Tensor y = x.transpose().expandDims(0).squeeze().reverse(0).slice({1}, {2}).tile({1, 2});
    EXPECT_EQ(y.shape(), (Shape{2, 4}));
    EXPECT_EQ(y.dataSync(), floats({1, 4, 1, 4, 0, 3, 0, 3}));
    EXPECT_EQ(x.concat(x, 1).pad({{0, 1}, {0, 0}}, -1).broadcastTo({2, 3, 6}).shape(), (Shape{2, 3, 6}));
    EXPECT_EQ(x.gather(tensor(std::vector<int32_t>{2, 0}), 1).dataSync(), floats({2, 0, 5, 3}));
    EXPECT_EQ(x.split(3, 1).size(), 3u);
    EXPECT_EQ(x.unstack(1).size(), 3u);
  });
  EXPECT_EQ(memory().numTensors, before.numTensors);
}

// The cpu kernels are plain copies: they must give exactly ref's result.
TEST(CpuCopyKernels, TransposeMatchesRef) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const int rank = 2 + static_cast<int>(rng() % 4);
    Shape s;
    for (int d = 0; d < rank; ++d) s.push_back(1 + static_cast<int64_t>(rng() % (rank <= 3 ? 40 : 9)));
    std::vector<int64_t> perm(static_cast<size_t>(rank));
    for (int d = 0; d < rank; ++d) perm[static_cast<size_t>(d)] = d;
    std::shuffle(perm.begin(), perm.end(), rng);
    const DType dt = trial % 3 == 0 ? DType::bool_ : trial % 3 == 1 ? DType::int32 : DType::float32;
    tidy([&] {
      Tensor x = cast(iota(s), dt == DType::bool_ ? DType::int32 : dt);
      if (dt == DType::bool_) x = cast(x, DType::bool_);
      std::vector<double> want, got;
      {
        OnBackend b("ref");
        want = transpose(x, perm).dataSync<double>();
      }
      {
        OnBackend b("cpu");
        got = transpose(x, perm).dataSync<double>();
      }
      ASSERT_EQ(got, want) << shapeToString(s) << " perm " << shapeToString(perm);
    });
  }
  tidy([] {  // big enough to run on several threads
    Tensor x = iota({3, 130, 257});
    OnBackend b("cpu");
    Tensor y = transpose(x, {2, 0, 1});
    auto v = y.dataSync();
    EXPECT_EQ(v[static_cast<size_t>((256 * 3 + 2) * 130 + 129)], 2 * 130 * 257 + 129 * 257 + 256);
  });
}

TEST(CpuCopyKernels, SliceAndConcatMatchRef) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const int rank = 1 + static_cast<int>(rng() % 4);
    Shape s;
    std::vector<int64_t> begin, size;
    for (int d = 0; d < rank; ++d) {
      int64_t n = 1 + static_cast<int64_t>(rng() % 12);
      s.push_back(n);
      int64_t b = static_cast<int64_t>(rng() % static_cast<uint32_t>(n));
      begin.push_back(b);
      size.push_back(rng() % 3 == 0 ? n - b : static_cast<int64_t>(rng() % static_cast<uint32_t>(n - b + 1)));
    }
    const auto axis = static_cast<int64_t>(rng() % static_cast<uint32_t>(rank));
    Shape s2 = s;
    s2[static_cast<size_t>(axis)] = static_cast<int64_t>(rng() % 5);
    tidy([&] {
      Tensor x = iota(s), x2 = neg(iota(s2));
      std::vector<float> wantS, gotS, wantC, gotC;
      {
        OnBackend b("ref");
        wantS = slice(x, begin, size).dataSync();
        wantC = concat({x, x2, x}, axis).dataSync();
      }
      {
        OnBackend b("cpu");
        gotS = slice(x, begin, size).dataSync();
        gotC = concat({x, x2, x}, axis).dataSync();
      }
      ASSERT_EQ(gotS, wantS) << shapeToString(s) << " begin " << shapeToString(begin) << " size " << shapeToString(size);
      ASSERT_EQ(gotC, wantC) << shapeToString(s) << " + " << shapeToString(s2) << " axis " << axis;
    });
  }
}
