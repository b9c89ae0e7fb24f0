// io::encodeWeights / decodeWeights / quantizeArtifacts, and the float16 conversion. Expected
// values come from IEEE 754 (half-float bit patterns), the converter's documented example, TF.js's
// decoding rules (q * scale + min, Math.round for int32) and the quantization error bound.
#include <cmath>
#include <cstring>
#include <limits>

#include "io/weights_codec.h"
#include "io_test_util.h"

using namespace edgeflow;
using namespace io_test;

namespace {

std::vector<uint8_t> bytesOf(const std::vector<float>& v) {
  std::vector<uint8_t> b(v.size() * 4);
  std::memcpy(b.data(), v.data(), b.size());
  return b;
}

io::ModelArtifacts artifactsOf(const std::vector<io::NamedTensor>& tensors) {
  auto enc = io::encodeWeights(tensors);
  io::ModelArtifacts a;
  a.modelTopology = io::Json::object();
  a.weightSpecs = enc.specs;
  a.weightData = enc.data;
  return a;
}

}  // namespace

TEST(IoWeights, EncodeDecodeRoundTrip) {
  tidy([] {
    Tensor f = tensor({1.5, -2, 0, 3.25, 1e-8, -1e30}, {2, 3});
    Tensor i = tensor(std::vector<int32_t>{7, -8, 2147483647}, {3});
    Tensor b = tensor(std::vector<bool>{true, false, true, true}, {2, 2});
    Tensor s = scalar(42);
    Tensor empty = zeros({0, 4});
    auto enc = io::encodeWeights({{"f", f}, {"i", i}, {"b", b}, {"s", s}, {"e", empty}}, "model");
    EXPECT_EQ(enc.data.size(), 6u * 4 + 3 * 4 + 4 + 4 + 0);
    ASSERT_EQ(enc.specs.size(), 5u);
    EXPECT_EQ(io::toJson(enc.specs[0]).dump(), R"({"name":"f","shape":[2,3],"dtype":"float32","group":"model"})");
    EXPECT_EQ(enc.specs[2].dtype, "bool");
    EXPECT_EQ(enc.specs[3].shape, Shape{});
    auto dec = io::decodeWeights(enc.data, enc.specs);
    ASSERT_EQ(dec.size(), 5u);
    EXPECT_EQ(dec[0].tensor.dataSync<float>(), f.dataSync<float>());
    EXPECT_EQ(dec[1].tensor.dataSync<int32_t>(), (std::vector<int32_t>{7, -8, 2147483647}));
    EXPECT_EQ(dec[2].tensor.dtype(), DType::bool_);
    EXPECT_EQ(dec[2].tensor.dataSync<uint8_t>(), (std::vector<uint8_t>{1, 0, 1, 1}));
    EXPECT_EQ(dec[3].tensor.shape(), Shape{});
    EXPECT_EQ(dec[4].tensor.shape(), (Shape{0, 4}));
    auto map = io::toNamedTensorMap(dec);
    EXPECT_EQ(map.size(), 5u);
    EXPECT_EQ(map["s"].dataSync<float>()[0], 42.0f);
  });
}

TEST(IoWeights, EncodeRefusesDtypesTfjsCannotStore) {
  Tensor u = tensor(std::vector<uint8_t>{1, 2}, {2});
  std::string e = errorOf([&] { io::encodeWeights({{"img", u}}); });
  EXPECT_NE(e.find("unsupported dtype in weight 'img': uint8"), std::string::npos) << e;
}

TEST(IoWeights, DecodeChecksSizesAndSpecs) {
  std::vector<uint8_t> data = bytesOf({1, 2, 3});
  io::WeightsManifestEntry spec{.name = "w", .shape = {2, 2}, .dtype = "float32"};
  std::string e = errorOf([&] { io::decodeWeights(data, {spec}); });
  EXPECT_NE(e.find("weight data too short: weight 'w' needs bytes 0..16 but there are only 12"), std::string::npos) << e;
  spec.shape = {2};
  e = errorOf([&] { io::decodeWeights(data, {spec}); });
  EXPECT_NE(e.find("has 12 bytes but the 1 weight specs need 8"), std::string::npos) << e;
  spec.dtype = "float64";
  e = errorOf([&] { io::decodeWeights(data, {spec}); });
  EXPECT_NE(e.find("unknown dtype 'float64'"), std::string::npos) << e;
  spec = {.name = "q", .shape = {3}, .dtype = "float32", .quantization = io::Quantization{.dtype = "uint8", .scale = 1.0}};
  e = errorOf([&] { io::decodeWeights(std::vector<uint8_t>{1, 2, 3}, {spec}); });
  EXPECT_NE(e.find("doesn't have corresponding metadata min and scale"), std::string::npos) << e;
  spec.quantization = io::Quantization{.dtype = "int4"};
  e = errorOf([&] { io::decodeWeights(std::vector<uint8_t>{1, 2, 3}, {spec}); });
  EXPECT_NE(e.find("unknown quantization dtype 'int4'"), std::string::npos) << e;
  spec = {.name = "i", .shape = {1}, .dtype = "int32", .quantization = io::Quantization{.dtype = "float16"}};
  e = errorOf([&] { io::decodeWeights(std::vector<uint8_t>{1, 2}, {spec}); });
  EXPECT_NE(e.find("only supports weights of type float32 not int32"), std::string::npos) << e;
  // string weights: measurable ([uint32 length][bytes] each) but edgeflow has no string tensors.
  spec = {.name = "s", .shape = {2}, .dtype = "string"};
  std::vector<uint8_t> strings{1, 0, 0, 0, 'a', 2, 0, 0, 0, 'b', 'c'};
  EXPECT_EQ(io::weightByteLength(spec, strings.data(), strings.size()), 11);
  e = errorOf([&] { io::weightByteLength(spec, strings.data(), 10); });
  EXPECT_NE(e.find("runs past the end"), std::string::npos) << e;
  e = errorOf([&] { io::decodeWeights(strings, {spec}); });
  EXPECT_NE(e.find("has dtype string, which edgeflow has no tensors for"), std::string::npos) << e;
}

TEST(IoWeights, DequantizesAsTfjs) {
  // uint16: q * scale + min in double, stored as float32.
  io::WeightsManifestEntry w{.name = "w", .shape = {3}, .dtype = "float32",
                             .quantization = io::Quantization{.dtype = "uint16", .scale = 0.25, .min = -1.0}};
  std::vector<uint8_t> q16{0, 0, 4, 0, 0xff, 0xff};
  auto d = io::decodeWeights(q16, {w});
  EXPECT_EQ(d[0].tensor.dataSync<float>(), (std::vector<float>{-1.0f, 0.0f, 65535 * 0.25f - 1.0f}));
  // int32 with uint8: Math.round(q * scale + min); -2.5 rounds to -2 and 2.5 to 3 as in JS.
  io::WeightsManifestEntry i{.name = "i", .shape = {3}, .dtype = "int32",
                             .quantization = io::Quantization{.dtype = "uint8", .scale = 0.5, .min = -3.0}};
  d = io::decodeWeights(std::vector<uint8_t>{1, 11, 6}, {i});
  EXPECT_EQ(d[0].tensor.dtype(), DType::int32);
  EXPECT_EQ(d[0].tensor.dataSync<int32_t>(), (std::vector<int32_t>{-2, 3, 0}));
  // float16: 0x3c00 = 1, 0xc000 = -2, 0x7c00 = Inf.
  io::WeightsManifestEntry h{.name = "h", .shape = {3}, .dtype = "float32",
                             .quantization = io::Quantization{.dtype = "float16"}};
  d = io::decodeWeights(std::vector<uint8_t>{0x00, 0x3c, 0x00, 0xc0, 0x00, 0x7c}, {h});
  auto v = d[0].tensor.dataSync<float>();
  EXPECT_EQ(v[0], 1.0f);
  EXPECT_EQ(v[1], -2.0f);
  EXPECT_EQ(v[2], std::numeric_limits<float>::infinity());
}

TEST(IoWeights, Float16Conversion) {
  using io::detail::floatToHalf;
  using io::detail::halfToFloat;
  // Every half value converts to the float IEEE 754 defines, and back to itself.
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const int exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    const double sign = (h & 0x8000) ? -1 : 1;
    float f = halfToFloat(static_cast<uint16_t>(h));
    if (exp == 0x1f) {
      EXPECT_TRUE(mant ? std::isnan(f) : std::isinf(f)) << h;
      continue;
    }
    double expect = exp == 0 ? sign * std::ldexp(mant, -24) : sign * std::ldexp(1024 + mant, exp - 25);
    ASSERT_EQ(f, static_cast<float>(expect)) << h;
    ASSERT_EQ(floatToHalf(f), h) << h;
  }
  // Rounding to nearest, ties to even; overflow to Inf; NaN stays NaN.
  EXPECT_EQ(floatToHalf(1.0f + std::ldexp(1.0f, -11)), 0x3c00);      // tie -> even
  EXPECT_EQ(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3c02);  // tie -> even
  EXPECT_EQ(floatToHalf(1.0f + std::ldexp(1.1f, -11)), 0x3c01);
  EXPECT_EQ(floatToHalf(0.1f), 0x2e66);
  EXPECT_EQ(floatToHalf(65504.0f), 0x7bff);
  EXPECT_EQ(floatToHalf(65519.0f), 0x7bff);
  EXPECT_EQ(floatToHalf(65520.0f), 0x7c00);
  EXPECT_EQ(floatToHalf(-1e10f), 0xfc00);
  EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -25)), 0x0000);      // tie -> even (0)
  EXPECT_EQ(floatToHalf(3 * std::ldexp(1.0f, -25)), 0x0002);  // tie -> even
  EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -26)), 0x0000);
  EXPECT_EQ(floatToHalf(-0.0f), 0x8000);
  EXPECT_EQ(floatToHalf(std::ldexp(1023.5f, -24)), 0x0400);  // rounds up into the normals
  EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(std::numeric_limits<float>::quiet_NaN()))));
}

TEST(IoWeights, Uint8QuantizationMatchesTheConverter) {
  // tensorflowjs_converter's documented example: [0, -0.1, 1.2] -> [20, 0, 255],
  // min -0.10196078817, scale 0.00509803940852.
  auto a = artifactsOf({{"w", tensor({0, -0.1, 1.2})}});
  auto q = io::quantizeArtifacts(a, {.dtype = "uint8"});
  EXPECT_EQ(*q.weightData, (std::vector<uint8_t>{20, 0, 255}));
  const auto& spec = (*q.weightSpecs)[0];
  ASSERT_TRUE(spec.quantization.has_value());
  EXPECT_NEAR(*spec.quantization->min, -0.10196078817, 1e-10);
  EXPECT_NEAR(*spec.quantization->scale, 0.00509803940852, 1e-12);
  EXPECT_NE(io::toJson(spec).dump().find(R"("quantization":{"dtype":"uint8","min":)"), std::string::npos)
      << io::toJson(spec).dump();
  EXPECT_EQ(spec.quantization->originalDtype, "float32");
  auto d = io::decodeWeights(*q.weightData, *q.weightSpecs);
  EXPECT_EQ(d[0].tensor.dataSync<float>()[0], 0.0f);  // nudging keeps 0 exact
}

TEST(IoWeights, QuantizationErrorWithinHalfAStep) {
  for (const char* dtype : {"uint8", "uint16"}) {
    SCOPED_TRACE(dtype);
    std::vector<float> values;
    for (int i = 0; i < 1000; ++i) values.push_back(static_cast<float>(std::sin(i * 0.37) * 3 + 0.5));
    values.push_back(0.0f);
    std::vector<float> positive;  // no zero in range: min and max are kept as they are
    for (int i = 0; i < 100; ++i) positive.push_back(2.0f + static_cast<float>(i) * 0.01f);
    auto a = artifactsOf({{"a", tensor(values)}, {"p", tensor(positive)}, {"c", fill({5}, -0.75)}});
    auto q = io::quantizeArtifacts(a, {.dtype = dtype});
    auto d = io::decodeWeights(*q.weightData, *q.weightSpecs);
    for (size_t k = 0; k < 2; ++k) {
      const auto& qs = *(*q.weightSpecs)[k].quantization;
      const double step = *qs.scale;
      const auto& src = k == 0 ? values : positive;
      auto got = d[k].tensor.dataSync<float>();
      for (size_t i = 0; i < src.size(); ++i)
        ASSERT_LE(std::fabs(got[i] - src[i]), step / 2 * (1 + 1e-9) + 1e-6 * std::fabs(src[i])) << k << " " << i;
    }
    EXPECT_EQ(d[0].tensor.dataSync<float>().back(), 0.0f);
    EXPECT_DOUBLE_EQ(*(*q.weightSpecs)[1].quantization->min, 2.0);
    EXPECT_NEAR(*(*q.weightSpecs)[1].quantization->scale, (positive.back() - 2.0) / (dtype[4] == '8' ? 255 : 65535), 1e-15);
    // A constant weight: all levels 0, scale 1, min = the value.
    const auto& c = *(*q.weightSpecs)[2].quantization;
    EXPECT_EQ(c.scale, 1.0);
    EXPECT_EQ(c.min, -0.75);
    EXPECT_EQ(d[2].tensor.dataSync<float>(), std::vector<float>(5, -0.75f));
  }
}

TEST(IoWeights, QuantizeSelectsWeightsAndDtypes) {
  auto a = artifactsOf({{"dense/kernel", tensor({1, 2, 3, 4})},
                        {"dense/bias", tensor({0.5})},
                        {"step", tensor(std::vector<int32_t>{3}, {1})},
                        {"empty", zeros({0})}});
  auto q = io::quantizeArtifacts(a, {.dtype = "float16", .weights = {"*/kernel"}});
  const auto& specs = *q.weightSpecs;
  EXPECT_EQ(specs[0].quantization->dtype, "float16");
  EXPECT_FALSE(specs[1].quantization.has_value());  // not matched
  EXPECT_FALSE(specs[2].quantization.has_value());  // int32 is never quantized
  EXPECT_FALSE(specs[3].quantization.has_value());  // nothing to quantize
  EXPECT_EQ(q.weightData->size(), 4u * 2 + 4 + 4);
  auto d = io::decodeWeights(*q.weightData, specs);
  EXPECT_EQ(d[0].tensor.dataSync<float>(), (std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(d[2].tensor.dataSync<int32_t>(), (std::vector<int32_t>{3}));
  // Quantizing again keeps already-quantized weights.
  auto again = io::quantizeArtifacts(q, {.dtype = "uint8"});
  EXPECT_EQ((*again.weightSpecs)[0].quantization->dtype, "float16");
  EXPECT_EQ((*again.weightSpecs)[1].quantization->dtype, "uint8");

  std::string e = errorOf([&] { io::quantizeArtifacts(a, {.dtype = "int8"}); });
  EXPECT_NE(e.find("unknown quantization dtype 'int8'"), std::string::npos) << e;
  auto bad = artifactsOf({{"w", tensor({1.0, std::nan("")})}});
  e = errorOf([&] { io::quantizeArtifacts(bad, {.dtype = "uint8"}); });
  EXPECT_NE(e.find("cannot quantize weight 'w' to uint8: it holds NaN or Infinity"), std::string::npos) << e;
}
