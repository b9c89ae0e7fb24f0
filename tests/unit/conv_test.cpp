// Convolutions beyond the TF.js oracle: the cpu kernels (im2col + GEMM, thin products, 1×1,
// depthwise, fused epilogues) against the ref kernels on larger random shapes; gradients TF.js
// does not have (dilations, second order, conv3dTranspose) against finite differences; and
// edgeflow's own argument checks.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

#include "edgeflow/edgeflow.h"
#include "unit/backend_values.h"
#include "unit/tensor_values.h"

using namespace edgeflow;
using edgeflow_test::randomTensor;
using edgeflow_test::valuesOn;

namespace {

Tensor normalTensor(const Shape& shape, unsigned seed) {
  std::mt19937 gen(seed);
  std::normal_distribution<double> d(0, 1);
  std::vector<double> v(static_cast<size_t>(sizeFromShape(shape)));
  for (auto& x : v) x = d(gen);
  return tensor(v, shape);
}

// cpu against ref, relative to the largest magnitude (float sums in another order).
void expectSameOnBackends(const std::function<Tensor()>& f, const std::string& what, double tol = 2e-5) {
  auto want = valuesOn("ref", f);
  auto got = valuesOn("cpu", f);
  ASSERT_EQ(got.size(), want.size()) << what;
  double scale = 1;
  for (float w : want) scale = std::max(scale, static_cast<double>(std::fabs(w)));
  int bad = 0;
  for (size_t i = 0; i < got.size(); ++i)
    if (!(std::fabs(got[i] - want[i]) <= tol * scale) && bad++ < 5)
      ADD_FAILURE() << what << "[" << i << "]: cpu " << got[i] << ", ref " << want[i];
}

struct Conv2DCase {
  Shape x, filter;
  Int2 strides;
  Padding pad;
  Int2 dilations = 1;
  std::string dataFormat = "NHWC";
  std::string name;
};

std::vector<Conv2DCase> conv2DCases() {
  return {
      {{4, 28, 28, 1}, {3, 3, 1, 8}, 1, "valid", 1, "NHWC", "mnist conv1"},
      {{4, 13, 13, 8}, {3, 3, 8, 16}, 1, "valid", 1, "NHWC", "mnist conv2"},
      {{2, 17, 19, 5}, {3, 3, 5, 7}, 2, "same", 1, "NHWC", "odd, strided"},
      {{2, 15, 15, 3}, {5, 5, 3, 33}, 1, "same", 2, "NHWC", "dilated, 33 channels"},
      {{1, 20, 20, 16}, {3, 3, 16, 64}, 1, "same", 1, "NHWC", "wide"},
      {{3, 9, 9, 24}, {1, 1, 24, 40}, 1, "valid", 1, "NHWC", "pointwise"},
      {{2, 10, 10, 12}, {1, 1, 12, 6}, 2, "same", 1, "NHWC", "1x1 strided"},
      {{2, 12, 11, 6}, {3, 2, 6, 10}, {2, 1}, {{0, 0}, {1, 2}, {0, 1}, {0, 0}}, 1, "NHWC", "explicit pad"},
      {{2, 6, 12, 12}, {3, 3, 6, 9}, 1, "same", 1, "NCHW", "NCHW"},
      {{1, 40, 40, 3}, {3, 3, 3, 32}, 2, "same", 1, "NHWC", "few tiles"},
      {{8, 30, 30, 4}, {3, 3, 4, 20}, 1, "same", 1, "NHWC", "many tiles"},
      {{2, 7, 7, 70}, {3, 3, 70, 3}, 1, "same", 1, "NHWC", "deep, thin"},
  };
}

TEST(ConvCpu, Conv2DAndGradientsMatchRef) {
  unsigned seed = 1;
  for (const auto& c : conv2DCases()) {
    Tensor x = normalTensor(c.x, seed++), w = normalTensor(c.filter, seed++);
    Shape outShape = tidy([&] { return conv2d(x, w, c.strides, c.pad, c.dataFormat, c.dilations); }).shape();
    Tensor dy = normalTensor(outShape, seed++);
    expectSameOnBackends([&] { return conv2d(x, w, c.strides, c.pad, c.dataFormat, c.dilations); }, c.name + " forward");
    expectSameOnBackends(
        [&] { return conv2DBackpropInput(x.shape(), dy, w, c.strides, c.pad, c.dataFormat, "", c.dilations); },
        c.name + " input gradient");
    expectSameOnBackends(
        [&] { return conv2DBackpropFilter(x, dy, w.shape(), c.strides, c.pad, c.dataFormat, "", c.dilations); },
        c.name + " filter gradient", 5e-5);
    int64_t outC = c.filter[3];
    Tensor bias = normalTensor({outC}, seed++), alpha = normalTensor({outC}, seed++);
    for (const char* act : {"relu", "relu6", "prelu", "elu", "sigmoid", "leakyrelu"})
      expectSameOnBackends(
          [&] {
            return fused::conv2d({.x = x, .filter = w, .strides = c.strides, .pad = c.pad, .dataFormat = c.dataFormat,
                                  .dilations = c.dilations, .bias = bias, .activation = act,
                                  .preluActivationWeights = alpha, .leakyreluAlpha = 0.1});
          },
          c.name + " fused " + act);
  }
}

TEST(ConvCpu, Conv2DOnOneThreadMatchesRef) {
  setNumThreads(1);
  for (const auto& c : conv2DCases()) {
    Tensor x = normalTensor(c.x, 7), w = normalTensor(c.filter, 8);
    expectSameOnBackends([&] { return conv2d(x, w, c.strides, c.pad, c.dataFormat, c.dilations); }, c.name);
  }
  setNumThreads(0);
}

TEST(ConvCpu, RepeatedFiltersArePackedOnceAndStillMatchRef) {
  // From its second use a filter's packed form is kept with its data (inference reuses weights);
  // pointwise and im2col convolutions, thin and wide outputs, the bias and relu6 in the product.
  struct Case {
    Shape x, filter;
    Int2 strides;
  };
  unsigned seed = 40;
  for (const Case& c : {Case{{1, 20, 20, 40}, {1, 1, 40, 96}, 1}, Case{{2, 14, 14, 24}, {3, 3, 24, 72}, 2},
                        Case{{1, 7, 7, 300}, {1, 1, 300, 260}, 1}, Case{{1, 30, 30, 8}, {1, 1, 8, 20}, 1}}) {
    Tensor x = randomTensor(c.x, seed++), w = randomTensor(c.filter, seed++), bias = randomTensor({c.filter[3]}, seed++);
    for (int call = 0; call < 3; ++call) {
      expectSameOnBackends([&] { return conv2d(x, w, c.strides, "same"); }, "conv call " + std::to_string(call));
      expectSameOnBackends(
          [&] { return fused::conv2d({.x = x, .filter = w, .strides = c.strides, .pad = "same", .bias = bias, .activation = "relu6"}); },
          "fused relu6 call " + std::to_string(call));
    }
  }
}

TEST(ConvCpu, FusedConv2DWithOtherBiasShapesMatchesRef) {
  Tensor x = normalTensor({2, 6, 6, 3}, 1), w = normalTensor({3, 3, 3, 4}, 2);
  Tensor bias3 = normalTensor({6, 6, 4}, 3), alpha3 = normalTensor({6, 1, 4}, 4), scalar = normalTensor({}, 5);
  expectSameOnBackends([&] { return fused::conv2d({.x = x, .filter = w, .pad = "same", .bias = bias3, .activation = "relu"}); },
                       "3-D bias");
  expectSameOnBackends(
      [&] {
        return fused::conv2d({.x = x, .filter = w, .pad = "same", .bias = scalar, .activation = "prelu",
                              .preluActivationWeights = alpha3});
      },
      "3-D prelu weights");
}

TEST(ConvCpu, DepthwiseMatchesRef) {
  struct Case {
    Shape x, filter;
    Int2 strides;
    Padding pad;
    Int2 dilations;
  };
  std::vector<Case> cases = {
      {{2, 28, 28, 32}, {3, 3, 32, 1}, 1, "same", 1},   {{2, 15, 15, 64}, {3, 3, 64, 1}, 2, "same", 1},
      {{1, 16, 16, 37}, {3, 3, 37, 1}, 1, "valid", 2},  {{2, 9, 10, 5}, {3, 2, 5, 3}, {2, 1}, "same", 1},
      {{1, 12, 12, 8}, {5, 5, 8, 1}, 1, {{0, 0}, {2, 1}, {0, 3}, {0, 0}}, 1},
      {{1, 7, 7, 1024}, {3, 3, 1024, 1}, 1, "same", 1},
      // The 3×3 kernel's channel blocks (16, 8, 4 floats), edge columns and rows, strides, padding.
      {{1, 9, 11, 8}, {3, 3, 8, 1}, 2, "same", 1},      {{2, 5, 13, 12}, {3, 3, 12, 1}, 1, "valid", 1},
      {{1, 10, 3, 20}, {3, 3, 20, 1}, {2, 1}, "same", 1}, {{1, 2, 2, 28}, {3, 3, 28, 1}, 1, "same", 1},
      {{1, 12, 12, 16}, {3, 3, 16, 1}, 2, {{0, 0}, {0, 2}, {2, 0}, {0, 0}}, 1},
  };
  unsigned seed = 100;
  for (const auto& c : cases) {
    std::string name = "depthwise x " + shapeToString(c.x) + " filter " + shapeToString(c.filter);
    Tensor x = normalTensor(c.x, seed++), w = normalTensor(c.filter, seed++);
    Shape outShape = tidy([&] { return depthwiseConv2d(x, w, c.strides, c.pad, "NHWC", c.dilations); }).shape();
    Tensor dy = normalTensor(outShape, seed++);
    expectSameOnBackends([&] { return depthwiseConv2d(x, w, c.strides, c.pad, "NHWC", c.dilations); }, name);
    expectSameOnBackends(
        [&] { return depthwiseConv2dNativeBackpropInput(x.shape(), dy, w, c.strides, c.pad, c.dilations); },
        name + " input gradient");
    expectSameOnBackends(
        [&] { return depthwiseConv2dNativeBackpropFilter(x, dy, w.shape(), c.strides, c.pad, c.dilations); },
        name + " filter gradient", 5e-5);
    Tensor bias = normalTensor({outShape[3]}, seed++);
    expectSameOnBackends(
        [&] {
          return fused::depthwiseConv2d({.x = x, .filter = w, .strides = c.strides, .pad = c.pad,
                                         .dilations = c.dilations, .bias = bias, .activation = "relu6"});
        },
        name + " fused relu6");
  }
}

TEST(ConvCpu, DepthwisePaddingIgnoresInfiniteWeights) {
  // Padding taps are skipped as TF.js does, not multiplied: an infinite weight only reaches the
  // outputs whose window holds that tap inside the image.
  Tensor x = randomTensor({1, 6, 6, 16}, 1);
  std::vector<float> wv(3 * 3 * 16, 0.5f);
  wv[0] = INFINITY;  // tap (0, 0) of channel 0
  Tensor w = tensor(wv, {3, 3, 16, 1});
  auto y = depthwiseConv2d(x, w, 1, "same").dataSync<float>();
  EXPECT_FALSE(std::isnan(y[0]));             // output (0, 0): tap (0, 0) is in the padding
  EXPECT_TRUE(std::isinf(y[(1 * 6 + 1) * 16]));  // output (1, 1): tap (0, 0) reads x(0, 0)
}

TEST(ConvCpu, FusedMatMulMatchesRef) {
  Tensor a = normalTensor({64, 300}, 1), b = normalTensor({300, 33}, 2), bias = normalTensor({33}, 3);
  expectSameOnBackends([&] { return fused::matMul({.a = a, .b = b, .bias = bias, .activation = "relu"}); }, "relu");
  Tensor a3 = normalTensor({3, 20, 30}, 4), b3 = normalTensor({5, 30}, 5), bias2 = normalTensor({20, 5}, 6);
  expectSameOnBackends(
      [&] { return fused::matMul({.a = a3, .b = b3, .transposeB = true, .bias = bias2, .activation = "elu"}); },
      "batched, 2-D bias");
  Tensor alpha = normalTensor({5}, 7);
  expectSameOnBackends(
      [&] {
        return fused::matMul({.a = a3, .b = b3, .transposeB = true, .activation = "prelu", .preluActivationWeights = alpha});
      },
      "prelu");
}

// d(sum(f(xs) · r))/dxs[which] against central differences (f is linear in each input, so the
// differences are exact up to rounding).
void expectGradientMatchesDifferences(const std::function<Tensor(const std::vector<Tensor>&)>& f,
                                      std::vector<Tensor> xs, size_t which, const std::string& what) {
  tidy([&] {
    Tensor r = normalTensor(f(xs).shape(), 99);
    auto loss = [&](const std::vector<Tensor>& in) { return sum(mul(f(in), r)); };
    Tensor g = grads(loss)(xs, Tensor())[which];
    auto gv = g.dataSync<double>();
    auto xv = xs[which].dataSync<double>();
    const double eps = 0.1;
    for (size_t k = 0; k < xv.size(); k += std::max<size_t>(1, xv.size() / 40)) {
      auto at = [&](double v) {
        return tidy([&] {
          auto p = xv;
          p[k] = v;
          auto in = xs;
          in[which] = tensor(p, xs[which].shape());
          return loss(in).dataSync<double>()[0];
        });
      };
      double fd = (at(xv[k] + eps) - at(xv[k] - eps)) / (2 * eps);
      EXPECT_NEAR(gv[k], fd, 2e-3 * (1 + std::fabs(fd))) << what << " [" << k << "]";
    }
  });
}

// The gradients of every input of f and of g (the same function written another way) agree.
void expectGradientsAgree(const std::function<Tensor(const std::vector<Tensor>&)>& f,
                          const std::function<Tensor(const std::vector<Tensor>&)>& g, const std::vector<Tensor>& xs,
                          const std::string& what) {
  tidy([&] {
    Tensor r = normalTensor(f(xs).shape(), 98);
    auto lossOf = [&](const std::function<Tensor(const std::vector<Tensor>&)>& h) {
      return [&h, &r](const std::vector<Tensor>& in) { return sum(mul(h(in), r)); };
    };
    auto gf = grads(lossOf(f))(xs, Tensor());
    auto gg = grads(lossOf(g))(xs, Tensor());
    ASSERT_EQ(gf.size(), gg.size()) << what;
    for (size_t i = 0; i < gf.size(); ++i) {
      ASSERT_EQ(gf[i].shape(), gg[i].shape()) << what << " input " << i;
      auto a = gf[i].dataSync<double>(), b = gg[i].dataSync<double>();
      for (size_t k = 0; k < a.size(); ++k)
        EXPECT_NEAR(a[k], b[k], 1e-4 * (1 + std::fabs(b[k]))) << what << " input " << i << " [" << k << "]";
    }
  });
}

TEST(ConvGradients, DilatedConvolutions) {
  for (const char* backend : {"ref", "cpu"}) {
    setBackend(backend);
    std::vector<Tensor> xw{normalTensor({2, 7, 8, 3}, 1), normalTensor({3, 2, 3, 4}, 2)};
    auto conv = [](const std::vector<Tensor>& in) { return conv2d(in[0], in[1], 1, "same", "NHWC", {2, 3}); };
    expectGradientMatchesDifferences(conv, xw, 0, std::string(backend) + " conv2d dx");
    expectGradientMatchesDifferences(conv, xw, 1, std::string(backend) + " conv2d dw");
    std::vector<Tensor> xd{normalTensor({1, 8, 7, 3}, 3), normalTensor({3, 3, 3, 2}, 4)};
    auto dw = [](const std::vector<Tensor>& in) { return depthwiseConv2d(in[0], in[1], 1, "valid", "NHWC", 2); };
    expectGradientMatchesDifferences(dw, xd, 0, std::string(backend) + " depthwise dx");
    expectGradientMatchesDifferences(dw, xd, 1, std::string(backend) + " depthwise dw");
    std::vector<Tensor> x3{normalTensor({1, 5, 5, 5, 2}, 5), normalTensor({2, 2, 2, 2, 3}, 6)};
    auto c3 = [](const std::vector<Tensor>& in) { return conv3d(in[0], in[1], 1, "same", "NDHWC", {1, 2, 2}); };
    expectGradientMatchesDifferences(c3, x3, 0, std::string(backend) + " conv3d dx");
    expectGradientMatchesDifferences(c3, x3, 1, std::string(backend) + " conv3d dw");
    auto fusedDilated = [](const std::vector<Tensor>& in) {
      return fused::conv2d({.x = in[0], .filter = in[1], .pad = "same", .dilations = 2, .bias = in[2]});
    };
    std::vector<Tensor> xf{normalTensor({1, 6, 6, 2}, 7), normalTensor({2, 2, 2, 3}, 8), normalTensor({3}, 9)};
    expectGradientMatchesDifferences(fusedDilated, xf, 0, std::string(backend) + " fused dilated dx");
    expectGradientMatchesDifferences(fusedDilated, xf, 2, std::string(backend) + " fused dilated bias");
  }
  setBackend("cpu");
}

TEST(ConvGradients, TransposesAndSecondOrder) {
  // conv3dTranspose (Conv3DBackpropInputV2's gradient; TF.js has none).
  std::vector<Tensor> xt{normalTensor({1, 2, 2, 2, 2}, 1), normalTensor({2, 2, 2, 3, 2}, 2)};
  auto t3 = [](const std::vector<Tensor>& in) { return conv3dTranspose(in[0], in[1], {1, 4, 4, 4, 3}, 2, "same"); };
  expectGradientMatchesDifferences(t3, xt, 0, "conv3dTranspose dx");
  expectGradientMatchesDifferences(t3, xt, 1, "conv3dTranspose dfilter");
  // The filter gradients as functions of x and dy (their gradients are second-order terms).
  Tensor dy = normalTensor({2, 3, 3, 4}, 3);
  std::vector<Tensor> xd{normalTensor({2, 5, 5, 3}, 4), dy};
  auto bf = [](const std::vector<Tensor>& in) { return conv2DBackpropFilter(in[0], in[1], {3, 3, 3, 4}, 2, "same"); };
  expectGradientMatchesDifferences(bf, xd, 0, "conv2DBackpropFilter dx");
  expectGradientMatchesDifferences(bf, xd, 1, "conv2DBackpropFilter ddy");
  std::vector<Tensor> xdw{normalTensor({1, 5, 5, 3}, 5), normalTensor({1, 5, 5, 6}, 6)};
  auto dbf = [](const std::vector<Tensor>& in) {
    return depthwiseConv2dNativeBackpropFilter(in[0], in[1], {3, 3, 3, 2}, 1, "same");
  };
  expectGradientMatchesDifferences(dbf, xdw, 0, "depthwise filter gradient dx");
  expectGradientMatchesDifferences(dbf, xdw, 1, "depthwise filter gradient ddy");
  std::vector<Tensor> xdi{normalTensor({1, 5, 5, 6}, 7), normalTensor({3, 3, 3, 2}, 8)};
  auto dbi = [](const std::vector<Tensor>& in) {
    return depthwiseConv2dNativeBackpropInput({1, 5, 5, 3}, in[0], in[1], 1, "same");
  };
  expectGradientMatchesDifferences(dbi, xdi, 0, "depthwise input gradient ddy");
  expectGradientMatchesDifferences(dbi, xdi, 1, "depthwise input gradient dfilter");
  std::vector<Tensor> x3{normalTensor({1, 4, 4, 4, 2}, 9), normalTensor({1, 3, 3, 3, 2}, 10)};
  auto bf3 = [](const std::vector<Tensor>& in) { return conv3DBackpropFilter(in[0], in[1], {2, 2, 2, 2, 2}, 1, "valid"); };
  expectGradientMatchesDifferences(bf3, x3, 0, "conv3DBackpropFilter dx");
  expectGradientMatchesDifferences(bf3, x3, 1, "conv3DBackpropFilter ddy");
  // A gradient of a gradient through grads() (Conv2D -> Conv2DBackpropFilter -> its gradient).
  Tensor x = normalTensor({1, 4, 4, 2}, 11), w = normalTensor({2, 2, 2, 3}, 12);
  auto inner = [](const std::vector<Tensor>& in) {
    auto f = [&](const std::vector<Tensor>& v) { return sum(square(conv2d(v[0], v[1], 1, "valid"))); };
    return grads(f)(in, Tensor())[1];
  };
  expectGradientMatchesDifferences(inner, {x, w}, 0, "d/dx of dLoss/dw");
}

TEST(ConvGradients, NchwAndFusedActivations) {
  std::vector<Tensor> xw{normalTensor({2, 3, 6, 5}, 1), normalTensor({3, 3, 3, 4}, 2), normalTensor({4}, 3),
                         normalTensor({4}, 4)};
  auto f = [](const std::vector<Tensor>& in) {
    return fused::conv2d({.x = in[0], .filter = in[1], .strides = 2, .pad = "same", .dataFormat = "NCHW",
                          .bias = in[2], .activation = "prelu", .preluActivationWeights = in[3]});
  };
  // PReLU has a kink at 0 that finite differences straddle, so compare with the unfused ops' gradients.
  auto unfused = [](const std::vector<Tensor>& in) {
    Tensor z = add(conv2d(in[0], in[1], 2, "same", "NCHW"), reshape(in[2], {4, 1, 1}));
    return prelu(z, reshape(in[3], {4, 1, 1}));
  };
  expectGradientsAgree(f, unfused, xw, "fused NCHW prelu");
  auto linear = [](const std::vector<Tensor>& in) {
    return fused::conv2d({.x = in[0], .filter = in[1], .strides = 2, .pad = "same", .dataFormat = "NCHW", .bias = in[2]});
  };
  std::vector<Tensor> xwb(xw.begin(), xw.begin() + 3);
  for (size_t i = 0; i < 3; ++i) expectGradientMatchesDifferences(linear, xwb, i, "fused NCHW bias input " + std::to_string(i));
  std::vector<Tensor> xd{normalTensor({1, 3, 6, 6}, 5), normalTensor({3, 3, 3, 2}, 6)};
  auto d = [](const std::vector<Tensor>& in) { return depthwiseConv2d(in[0], in[1], 1, "same", "NCHW"); };
  expectGradientMatchesDifferences(d, xd, 0, "depthwise NCHW dx");
  expectGradientMatchesDifferences(d, xd, 1, "depthwise NCHW dw");
}

TEST(ConvOps, DepthwiseNchwMatchesNhwc) {
  Tensor x = normalTensor({2, 3, 7, 6}, 1), w = normalTensor({3, 3, 3, 2}, 2);
  auto a = depthwiseConv2d(x, w, 2, "same", "NCHW").dataSync();
  auto b = transpose(depthwiseConv2d(transpose(x, {0, 2, 3, 1}), w, 2, "same"), {0, 3, 1, 2}).dataSync();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_FLOAT_EQ(a[i], b[i]);
}

TEST(ConvOps, Conv2DTinyExample) {
  // [[1,2],[3,4]] ⊛ ones(2×2) = 10; with 'same' padding the right/bottom border is zero.
  Tensor x = tensor({1, 2, 3, 4}, {1, 2, 2, 1});
  Tensor w = ones({2, 2, 1, 1});
  EXPECT_EQ(conv2d(x, w, 1, "valid").dataSync(), std::vector<float>({10}));
  EXPECT_EQ(conv2d(x, w, 1, "same").dataSync(), std::vector<float>({10, 6, 7, 4}));
  EXPECT_EQ(conv2d(x, w, 1, "same").shape(), Shape({1, 2, 2, 1}));
  Tensor y = fused::conv2d({.x = x, .filter = w, .pad = "same", .bias = scalar(-6.5), .activation = "relu"});
  EXPECT_EQ(y.dataSync(), std::vector<float>({3.5f, 0, 0.5f, 0}));
}

TEST(ConvOps, Errors) {
  Tensor x = ones({1, 3, 3, 1});
  // A window larger than the padded input (TF.js returns an empty or malformed tensor).
  EXPECT_THROW(conv2d(x, ones({4, 4, 1, 1}), 1, "valid"), Error);
  EXPECT_THROW(conv2d(x, ones({5, 5, 1, 1}), 1, Padding({{0, 0}, {1, 0}, {0, 0}, {0, 0}})), Error);
  EXPECT_THROW(conv2d(x, ones({2, 2, 1, 1}), 1, "valid", "NHWC", 3), Error);
  EXPECT_THROW(depthwiseConv2d(x, ones({4, 1, 1, 1}), 1, "valid"), Error);
  EXPECT_THROW(conv3d(ones({1, 3, 3, 3, 1}), ones({4, 1, 1, 1, 1}), 1, "valid"), Error);
  EXPECT_NO_THROW(conv2d(x, ones({5, 5, 1, 1}), 1, 1));
  // Negative padding, non-positive strides and dilations (TF.js's depthwise does not check these).
  EXPECT_THROW(conv2d(x, ones({2, 2, 1, 1}), 1, -1), Error);
  EXPECT_THROW(conv2d(x, ones({2, 2, 1, 1}), 1, Padding({{0, 0}, {-1, 0}, {0, 0}, {0, 0}})), Error);
  EXPECT_THROW(conv2d(x, ones({2, 2, 1, 1}), 1, Padding({{0, 0}, {1, 1}})), Error);
  EXPECT_THROW(depthwiseConv2d(x, ones({2, 2, 1, 1}), 0, "valid"), Error);
  EXPECT_THROW(depthwiseConv2d(x, ones({2, 2, 1, 1}), 1, "valid", "NHWC", -1), Error);
  EXPECT_THROW(Padding("full"), Error);
  // The backprop ops check dy against the convolution's output shape.
  EXPECT_THROW(conv2DBackpropInput({1, 3, 3, 1}, ones({1, 3, 3, 2}), ones({2, 2, 1, 2}), 1, "valid"), Error);
  EXPECT_THROW(conv2DBackpropFilter(x, ones({1, 3, 3, 1}), {2, 2, 1, 1}, 2, "same"), Error);
  // The message names the op and the shapes.
  try {
    conv2d(ones({1, 4, 4, 3}), ones({2, 2, 2, 3}), 1, "valid");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("conv2d"), std::string::npos) << m;
    EXPECT_NE(m.find("[1,4,4,3]"), std::string::npos) << m;
    EXPECT_NE(m.find("[2,2,2,3]"), std::string::npos) << m;
  }
  // prelu without weights.
  EXPECT_THROW(fused::conv2d({.x = x, .filter = ones({1, 1, 1, 1}), .activation = "prelu"}), Error);
  EXPECT_THROW(fused::matMul({.a = ones({2, 2}), .b = ones({2, 2}), .activation = "prelu"}), Error);
}

TEST(ConvOps, NoLeaks) {
  auto before = memory();
  tidy([] {
    Tensor x = normalTensor({2, 6, 6, 3}, 1), w = normalTensor({3, 3, 3, 4}, 2), b = normalTensor({4}, 3);
    auto f = [&](const std::vector<Tensor>& in) {
      return sum(fused::conv2d({.x = in[0], .filter = in[1], .pad = "same", .bias = in[2], .activation = "relu"}));
    };
    grads(f)({x, w, b}, Tensor());
  });
  EXPECT_EQ(memory().numTensors, before.numTensors);
}

}  // namespace
