// The cpu backend's SGEMM against a double-precision triple loop on many odd sizes and layouts, and
// its BatchMatMul kernel against the ref kernel.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "backends/cpu/gemm.h"
#include "edgeflow/edgeflow.h"

using namespace edgeflow;
using cpu::MatrixRef;

namespace {

std::vector<float> randomValues(int64_t n, uint32_t seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1, 1);
  std::vector<float> v(static_cast<size_t>(n));
  for (auto& x : v) x = dist(gen);
  return v;
}

struct Case {
  int64_t M, N, K;
  bool ta, tb;
};

// How checkGemm calls gemm: with an epilogue (bias and clamp), with B packed beforehand.
struct Variant {
  bool epilogue = false;
  bool prepacked = false;
};

// Runs gemm on stored (possibly transposed) operands with a padded C, and checks every element
// against the exact product (plus bias, clamped) within the float32 summation error bound
// K·eps·sum|a·b|.
void checkGemm(const Case& c, uint32_t seed, Variant v = {}) {
  auto a = randomValues(c.M * c.K, seed), b = randomValues(c.K * c.N, seed + 1);
  MatrixRef ra = c.ta ? MatrixRef{a.data(), 1, c.M} : MatrixRef{a.data(), c.K, 1};
  MatrixRef rb = c.tb ? MatrixRef{b.data(), 1, c.K} : MatrixRef{b.data(), c.N, 1};
  int64_t ldc = c.N + 3;
  std::vector<float> out(static_cast<size_t>(c.M * ldc), 12345.f);
  auto bias = randomValues(c.N, seed + 2);
  // Clamp bounds inside the spread of the sums (about sqrt(K/9)), so both sides clip.
  const float bound = 0.3f * static_cast<float>(std::sqrt(static_cast<double>(c.K)));
  cpu::GemmEpilogue ep{bias.data(), -bound, 0.5f * bound};
  const cpu::GemmEpilogue* epp = v.epilogue ? &ep : nullptr;
  if (v.prepacked)
    cpu::gemm(c.M, c.N, c.K, ra, *cpu::packB(c.K, c.N, rb), out.data(), ldc, epp);
  else
    cpu::gemm(c.M, c.N, c.K, ra, rb, out.data(), ldc, epp);
  int bad = 0;
  for (int64_t i = 0; i < c.M; ++i) {
    for (int64_t j = 0; j < c.N; ++j) {
      double s = 0, mag = 0;
      for (int64_t k = 0; k < c.K; ++k) {
        double p = double(ra.data[i * ra.rowStride + k * ra.colStride]) * rb.data[k * rb.rowStride + j * rb.colStride];
        s += p;
        mag += std::fabs(p);
      }
      if (v.epilogue) {  // one more rounding, of the sum plus bias
        s = std::clamp(s + bias[static_cast<size_t>(j)], double(ep.lo), double(ep.hi));
        mag += std::fabs(bias[static_cast<size_t>(j)]);
      }
      double got = out[static_cast<size_t>(i * ldc + j)];
      if (std::fabs(got - s) > (c.K * 6e-8 + 1e-7) * mag + 1e-30 && bad++ < 3)
        ADD_FAILURE() << "M=" << c.M << " N=" << c.N << " K=" << c.K << " ta=" << c.ta << " tb=" << c.tb << " at ("
                      << i << "," << j << "): got " << got << ", want " << s;
    }
    for (int64_t j = c.N; j < ldc; ++j)
      if (out[static_cast<size_t>(i * ldc + j)] != 12345.f && bad++ < 3)
        ADD_FAILURE() << "wrote past column N at row " << i;
  }
}

}  // namespace

TEST(Gemm, OddSizesAllLayouts) {
  const int64_t sizes[] = {1, 2, 3, 5, 7, 12, 13, 17, 31, 33, 47, 64, 65, 97};
  uint32_t seed = 1;
  int paths[3] = {0, 0, 0};
  for (int64_t M : sizes)
    for (int64_t N : sizes)
      for (int64_t K : {1, 4, 19, 64, 130}) {
        paths[static_cast<int>(cpu::gemmPath(M, N, K))]++;
        for (int t = 0; t < 4; ++t) checkGemm({M, N, K, (t & 1) != 0, (t & 2) != 0}, seed++);
      }
  for (int p : paths) EXPECT_GT(p, 20);  // every path is exercised (tile sizes differ per build)
}

TEST(Gemm, MultipleCacheBlocks) {
  // Beyond one KC depth block, one MC row block and one NC column block, with ragged edges.
  for (Case c : {Case{421, 70, 600, false, false}, Case{13, 2100, 300, false, true}, Case{250, 45, 513, true, false},
                 Case{200, 300, 257, true, true}, Case{1, 3000, 40, false, false}, Case{3000, 1, 40, true, false},
                 Case{2, 700, 900, false, true}, Case{700, 3, 900, true, true}})
    checkGemm(c, 7);
}

TEST(Gemm, EpilogueOnEveryPath) {
  const int64_t sizes[] = {1, 3, 7, 12, 13, 33, 64, 97};
  uint32_t seed = 500;
  int paths[3] = {0, 0, 0};
  for (int64_t M : sizes)
    for (int64_t N : sizes)
      for (int64_t K : {1, 19, 130}) {
        paths[static_cast<int>(cpu::gemmPath(M, N, K))]++;
        for (int t = 0; t < 4; ++t) checkGemm({M, N, K, (t & 1) != 0, (t & 2) != 0}, seed++, {.epilogue = true});
      }
  for (int p : paths) EXPECT_GT(p, 10);
  for (Case c : {Case{421, 70, 600, false, false}, Case{13, 2100, 300, false, true}, Case{200, 300, 257, true, true}})
    checkGemm(c, 9, {.epilogue = true});
}

TEST(Gemm, PrepackedB) {
  // Several cache blocks with ragged edges; row counts below, at and past one tile; A read in
  // place (unit column stride, few columns) or packed.
  for (int64_t M : {1, 5, 12, 13, 49, 130})
    for (Case c : {Case{M, 70, 600, false, false}, Case{M, 2100, 300, false, true}, Case{M, 64, 32, false, false},
                   Case{M, 300, 257, true, true}, Case{std::min<int64_t>(M, 49), 1000, 1000, false, false}}) {
      checkGemm(c, 11, {.prepacked = true});
      checkGemm(c, 12, {.epilogue = true, .prepacked = true});
    }
}

TEST(Gemm, PrepackedGivesTheSameBits) {
  // The packed layout is the one gemm makes per call, so the sums are the same, bit for bit.
  auto a = randomValues(200 * 300, 21), b = randomValues(300 * 150, 22);
  MatrixRef ra{a.data(), 300, 1}, rb{b.data(), 150, 1};
  std::vector<float> perCall(200 * 150), prepacked(200 * 150);
  cpu::gemm(200, 150, 300, ra, rb, perCall.data(), 150);
  cpu::gemm(200, 150, 300, ra, *cpu::packB(300, 150, rb), prepacked.data(), 150);
  EXPECT_EQ(perCall, prepacked);
}

TEST(Gemm, EpilogueKeepsNaN) {
  // relu and relu6 keep NaN, as TF.js's x < 0 ? 0 : x does.
  std::vector<float> a(13 * 40, 0.5f), b(40 * 64, 1.0f), out(13 * 64);
  a[3 * 40 + 7] = NAN;
  cpu::GemmEpilogue relu6{nullptr, 0, 6};
  cpu::gemm(13, 64, 40, MatrixRef{a.data(), 40, 1}, MatrixRef{b.data(), 64, 1}, out.data(), 64, &relu6);
  EXPECT_TRUE(std::isnan(out[3 * 64 + 5]));
  EXPECT_EQ(out[0], 6.0f);  // 20 clipped
}

TEST(Gemm, ZeroDepthGivesZeros) {
  std::vector<float> out(6, 5.f);
  float dummy = 0;
  cpu::gemm(2, 3, 0, MatrixRef{&dummy, 0, 1}, MatrixRef{&dummy, 3, 1}, out.data(), 3);
  EXPECT_EQ(out, std::vector<float>(6, 0.f));
}

TEST(Gemm, SameResultSeriallyAndInParallel) {
  // Each element's summation order is fixed by K alone, so splitting over threads must not change
  // a bit. Inside a parallelFor chunk the nested gemm runs serially.
  auto a = randomValues(300 * 257, 3), b = randomValues(257 * 190, 4);
  std::vector<float> serial(300 * 190), parallel(300 * 190);
  cpu::gemm(300, 190, 257, MatrixRef{a.data(), 257, 1}, MatrixRef{b.data(), 190, 1}, parallel.data(), 190);
  parallelFor(2, 1e9, [&](int64_t i0, int64_t) {
    if (i0 == 0) cpu::gemm(300, 190, 257, MatrixRef{a.data(), 257, 1}, MatrixRef{b.data(), 190, 1}, serial.data(), 190);
  });
  EXPECT_EQ(serial, parallel);
}

namespace {

// matMul on the cpu backend against the ref backend (which follows TF.js's rounding).
void compareBackends(const Shape& as, const Shape& bs, bool ta, bool tb, DType dtype, uint32_t seed) {
  tidy([&] {
    auto va = randomValues(sizeFromShape(as), seed), vb = randomValues(sizeFromShape(bs), seed + 1);
    Tensor a = tensor(std::vector<double>(va.begin(), va.end()), as), b = tensor(std::vector<double>(vb.begin(), vb.end()), bs);
    if (dtype == DType::int32) {
      a = cast(mul(a, 100), DType::int32);
      b = cast(mul(b, 100), DType::int32);
    }
    std::string prev = getBackend();
    setBackend("ref");
    Tensor want = matMul(a, b, ta, tb);
    setBackend("cpu");
    Tensor got = matMul(a, b, ta, tb);
    setBackend(prev);
    ASSERT_EQ(got.shape(), want.shape());
    ASSERT_EQ(got.dtype(), dtype);
    auto g = got.dataSync<double>(), w = want.dataSync<double>();
    int64_t K = ta ? as[as.size() - 2] : as.back();
    for (size_t i = 0; i < g.size(); ++i) {
      if (dtype == DType::int32)
        ASSERT_EQ(g[i], w[i]) << "at " << i;
      else
        ASSERT_NEAR(g[i], w[i], 1e-6 * K + 1e-6) << shapeToString(as) << "·" << shapeToString(bs) << " at " << i;
    }
  });
}

}  // namespace

TEST(BatchMatMulCpu, MatchesRefKernel) {
  uint32_t seed = 100;
  for (int t = 0; t < 4; ++t) {
    bool ta = t & 1, tb = t & 2;
    auto S = [](int64_t r, int64_t c, bool tr) { return tr ? Shape{c, r} : Shape{r, c}; };
    auto batched = [](Shape lead, Shape m) {
      lead.insert(lead.end(), m.begin(), m.end());
      return lead;
    };
    for (auto [M, N, K] : {std::tuple{1, 1, 1}, {3, 5, 7}, {32, 5, 4}, {65, 33, 130}, {13, 97, 64}, {100, 1, 50}}) {
      Shape a = S(M, K, ta), b = S(K, N, tb);
      compareBackends(a, b, ta, tb, DType::float32, seed++);
      compareBackends(batched({3}, a), batched({3}, b), ta, tb, DType::float32, seed++);
      compareBackends(batched({2, 3}, a), b, ta, tb, DType::float32, seed++);      // b shared
      compareBackends(a, batched({4}, b), ta, tb, DType::float32, seed++);         // a shared
      compareBackends(batched({2, 1}, a), batched({1, 3}, b), ta, tb, DType::float32, seed++);  // both broadcast
      compareBackends(batched({2}, a), batched({2}, b), ta, tb, DType::int32, seed++);
    }
  }
  // Many small matrices (batch-parallel path) and a batch of large ones.
  compareBackends({64, 8, 9}, {64, 9, 10}, false, false, DType::float32, seed++);
  compareBackends({3, 130, 200}, {3, 70, 200}, false, true, DType::float32, seed++);
}

TEST(BatchMatMulCpu, BroadcastsBatchesLikeNumpy) {
  // a [2,1,1,2] · b [1,3,2,1]: out[i,j] = a[i] · b[j] (TF.js's kernel would index batches modulo).
  Tensor a = tensor({1, 2, 3, 4}, {2, 1, 1, 2});
  Tensor b = tensor({1, 0, 0, 1, 1, 1}, {1, 3, 2, 1});
  for (const char* backend : {"ref", "cpu"}) {
    setBackend(backend);
    Tensor c = matMul(a, b);
    EXPECT_EQ(c.shape(), (Shape{2, 3, 1, 1}));
    EXPECT_EQ(c.dataSync(), (std::vector<float>{1, 2, 3, 3, 4, 7})) << backend;
  }
  setBackend("cpu");
}

TEST(BatchMatMulCpu, GradientSumsOverBroadcastBatches) {
  Tensor a = tensor({1, 2, 3, 4, 5, 6}, {2, 3});
  Tensor b = tensor({1, 1, 1, 2, 2, 2, 1, 0, 1, 0, 1, 0}, {2, 3, 2});
  auto g = grads([](const std::vector<Tensor>& x) { return sum(matMul(x[0], x[1])); })({a, b}, Tensor());
  EXPECT_EQ(g[0].shape(), (Shape{2, 3}));
  // d sum / da[i,k] = sum over batches and columns of b[n,k,:].
  EXPECT_EQ(g[0].dataSync(), (std::vector<float>{3, 4, 5, 3, 4, 5}));
  EXPECT_EQ(g[1].shape(), (Shape{2, 3, 2}));
  EXPECT_EQ(g[1].dataSync(), (std::vector<float>{5, 5, 7, 7, 9, 9, 5, 5, 7, 7, 9, 9}));
}
