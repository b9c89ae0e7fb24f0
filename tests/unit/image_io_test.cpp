// decodeImage / encodePng / writePng. Ground truth comes from outside edgeflow: mnist1.png is the
// first MNIST training digit (its rows as a stand-alone zlib + PNG-unfilter script decodes them);
// the JPEGs are compared with libjpeg-turbo's `djpeg -ppm` output (every 4th / 8th pixel, see
// tests/data/SOURCES.md); the small PNGs below were written by hand (Python zlib) with known pixels.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"

namespace fs = std::filesystem;
using namespace edgeflow;

namespace {

std::string dataPath(const std::string& name) {
  return (fs::path(EDGEFLOW_SOURCE_DIR) / "tests" / "data" / "images" / name).string();
}

std::vector<uint8_t> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A binary PPM (P6, maxval 255) as [height, width, 3] bytes.
struct Ppm {
  int64_t width = 0, height = 0;
  std::vector<uint8_t> pixels;
};
Ppm readPpm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int maxval = 0;
  Ppm p;
  in >> magic >> p.width >> p.height >> maxval;
  in.get();
  p.pixels.resize(static_cast<size_t>(p.width * p.height * 3));
  in.read(reinterpret_cast<char*>(p.pixels.data()), static_cast<std::streamsize>(p.pixels.size()));
  EXPECT_EQ(magic, "P6");
  EXPECT_EQ(maxval, 255);
  return p;
}

using edgeflow_test::errorOf;

// 3x2 RGBA, second row Sub-filtered: (10,20,30,255) (40,50,60,128) (70,80,90,0) /
// (200,100,50,255) (201,101,51,254) (0,0,0,1).
const std::vector<uint8_t> kRgba3x2 = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x9d, 0x74, 0x66,
    0x1a, 0x00, 0x00, 0x00, 0x22, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xe0, 0x12, 0x91, 0xfb,
    0xaf, 0x61, 0x64, 0xd3, 0xe0, 0x16, 0x10, 0xc5, 0xc0, 0x78, 0x22, 0xc5, 0xe8, 0x3f, 0x23, 0x23,
    0xe3, 0x7f, 0xf3, 0xd9, 0x67, 0x99, 0x01, 0x61, 0x1e, 0x08, 0x44, 0xb0, 0x6c, 0x69, 0x02, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
// 2x2 16-bit gray: 0x0000 0x1234 / 0xabcd 0xffff.
const std::vector<uint8_t> kGray16x2x2 = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x10, 0x00, 0x00, 0x00, 0x00, 0x07, 0x4d, 0x8e,
    0xbb, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x60, 0x10, 0x32,
    0x61, 0x58, 0x7d, 0xf6, 0xff, 0x7f, 0x00, 0x09, 0xd0, 0x03, 0xbd, 0xbc, 0x65, 0x80, 0x24, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
// 2x2 palette (red, green, blue): indices 0 1 / 2 1.
const std::vector<uint8_t> kPalette2x2 = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x03, 0x00, 0x00, 0x00, 0x45, 0x68, 0xfd,
    0x16, 0x00, 0x00, 0x00, 0x09, 0x50, 0x4c, 0x54, 0x45, 0xff, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00,
    0x00, 0xff, 0x2d, 0x4a, 0xcd, 0x8a, 0x00, 0x00, 0x00, 0x0e, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c,
    0x63, 0x60, 0x60, 0x64, 0x60, 0x62, 0x04, 0x00, 0x00, 0x0f, 0x00, 0x05, 0x2b, 0xdc, 0x64, 0x4f,
    0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
// 2x1 gray + alpha: (7, 100) (250, 200).
const std::vector<uint8_t> kGrayAlpha2x1 = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x04, 0x00, 0x00, 0x00, 0x5e, 0x2b, 0xb7,
    0x01, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x4f, 0xf9, 0x75,
    0x02, 0x00, 0x04, 0x09, 0x02, 0x2e, 0xaf, 0xc0, 0x84, 0x62, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

// stb_image and libjpeg decode with different IDCTs and chroma upsampling: over the sampled pixels
// the mean difference stays below `meanTol` levels and no channel differs by more than `maxTol`
// (measured: mean 0.015 and 0.003, at most 2 levels, for owl.jpg and cat.jpg).
void expectNearDjpeg(const Tensor& img, const Ppm& ref, int step, double meanTol, int maxTol) {
  auto px = img.dataSync<int32_t>();
  int64_t w = img.shape()[1];
  double total = 0;
  int worst = 0;
  for (int64_t y = 0; y < ref.height; ++y)
    for (int64_t x = 0; x < ref.width; ++x)
      for (int64_t c = 0; c < 3; ++c) {
        int a = px[static_cast<size_t>(((y * step) * w + x * step) * 3 + c)];
        int b = ref.pixels[static_cast<size_t>((y * ref.width + x) * 3 + c)];
        total += std::abs(a - b);
        worst = std::max(worst, std::abs(a - b));
      }
  EXPECT_LT(total / static_cast<double>(ref.pixels.size()), meanTol);
  EXPECT_LE(worst, maxTol);
}

}  // namespace

TEST(ImageIo, DecodesMnistPng) {
  Tensor img = decodeImage(dataPath("mnist1.png"));
  EXPECT_EQ(img.shape(), (Shape{28, 28, 1}));
  EXPECT_EQ(img.dtype(), DType::uint8);
  auto px = img.dataSync<int32_t>();
  int64_t sum = 0;
  for (int v : px) sum += v;
  EXPECT_EQ(sum, 27525);
  const int row5[] = {3, 18, 18, 18, 126, 136, 175, 26, 166, 255, 247, 127};  // columns 12..23
  for (int i = 0; i < 12; ++i) EXPECT_EQ(px[5 * 28 + 12 + i], row5[i]) << "column " << 12 + i;
  EXPECT_EQ(px[24 * 28 + 4], 136);
  EXPECT_EQ(px[0], 0);
}

TEST(ImageIo, ConvertsChannels) {
  auto bytes = readBytes(dataPath("mnist1.png"));
  Tensor rgb = decodeImage(bytes, 3);
  EXPECT_EQ(rgb.shape(), (Shape{28, 28, 3}));
  auto p = rgb.dataSync<int32_t>();
  int at = (5 * 28 + 21) * 3;
  EXPECT_EQ(p[at], 255);
  EXPECT_EQ(p[at + 1], 255);
  EXPECT_EQ(p[at + 2], 255);
  Tensor rgba = decodeImage(bytes, 4);
  EXPECT_EQ(rgba.shape(), (Shape{28, 28, 4}));
  EXPECT_EQ(rgba.dataSync<int32_t>()[3], 255);  // opaque
}

TEST(ImageIo, DecodesHandMadePngs) {
  Tensor rgba = decodeImage(kRgba3x2);
  EXPECT_EQ(rgba.shape(), (Shape{2, 3, 4}));
  EXPECT_EQ(rgba.dataSync<int32_t>(), (std::vector<int32_t>{10, 20, 30, 255, 40, 50, 60, 128, 70, 80, 90, 0,
                                                             200, 100, 50, 255, 201, 101, 51, 254, 0, 0, 0, 1}));
  Tensor gray = decodeImage(kGray16x2x2);  // 16-bit samples keep their high byte
  EXPECT_EQ(gray.shape(), (Shape{2, 2, 1}));
  EXPECT_EQ(gray.dataSync<int32_t>(), (std::vector<int32_t>{0x00, 0x12, 0xab, 0xff}));
  Tensor pal = decodeImage(kPalette2x2);
  EXPECT_EQ(pal.shape(), (Shape{2, 2, 3}));
  EXPECT_EQ(pal.dataSync<int32_t>(), (std::vector<int32_t>{255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 0}));
  Tensor ga = decodeImage(kGrayAlpha2x1);
  EXPECT_EQ(ga.shape(), (Shape{1, 2, 2}));
  EXPECT_EQ(ga.dataSync<int32_t>(), (std::vector<int32_t>{7, 100, 250, 200}));
  EXPECT_EQ(decodeImage(kRgba3x2, 1).shape(), (Shape{2, 3, 1}));
}

TEST(ImageIo, BaselineJpegMatchesLibjpeg) {
  Tensor img = decodeImage(dataPath("owl.jpg"));
  EXPECT_EQ(img.shape(), (Shape{240, 178, 3}));
  expectNearDjpeg(img, readPpm(dataPath("owl_djpeg_every4.ppm")), 4, 0.1, 3);
  // djpeg's per-channel means over all pixels: 121.32, 125.39, 101.24.
  Tensor means = mean(cast(img, DType::float32), Axes{0, 1});
  auto m = means.dataSync<double>();
  EXPECT_NEAR(m[0], 121.32, 0.2);
  EXPECT_NEAR(m[1], 125.39, 0.2);
  EXPECT_NEAR(m[2], 101.24, 0.2);
}

TEST(ImageIo, ProgressiveJpegMatchesLibjpeg) {
  Tensor img = decodeImage(dataPath("cat.jpg"));
  EXPECT_EQ(img.shape(), (Shape{624, 940, 3}));
  expectNearDjpeg(img, readPpm(dataPath("cat_djpeg_every8.ppm")), 8, 0.1, 3);
  Tensor gray = decodeImage(dataPath("cat.jpg"), 1);
  EXPECT_EQ(gray.shape(), (Shape{624, 940, 1}));
}

TEST(ImageIo, PngRoundTripIsLossless) {
  for (int64_t channels : {1, 2, 3, 4}) {
    Tensor img = cast(randomUniform({7, 5, channels}, 0, 256, DType::int32, 42), DType::uint8);
    Tensor back = decodeImage(encodePng(img));
    EXPECT_EQ(back.shape(), img.shape());
    EXPECT_EQ(back.dataSync<int32_t>(), img.dataSync<int32_t>()) << channels << " channels";
  }
  Tensor gray2d = tensor2d({{0, 1, 2}, {253, 254, 255}}, DType::int32);
  EXPECT_EQ(decodeImage(encodePng(gray2d)).dataSync<int32_t>(), (std::vector<int32_t>{0, 1, 2, 253, 254, 255}));
  // float32 in [0, 1] is scaled by 255 and rounded, as tf.browser.toPixels.
  Tensor f = tensor3d({{{0.0}, {0.5}, {1.0}, {0.002}}});
  EXPECT_EQ(decodeImage(encodePng(f)).dataSync<int32_t>(), (std::vector<int32_t>{0, 128, 255, 1}));
}

TEST(ImageIo, WritePngThenReadFile) {
  std::string path = (fs::temp_directory_path() / "edgeflow_image_io_test.png").string();
  Tensor img = decodeImage(dataPath("mnist1.png"));
  writePng(path, img);
  Tensor back = decodeImage(path);
  EXPECT_EQ(back.dataSync<int32_t>(), img.dataSync<int32_t>());
  std::remove(path.c_str());
}

TEST(ImageIo, BadFilesAreErrorsNamingTheFile) {
  std::string missing = dataPath("no_such_image.png");
  EXPECT_NE(errorOf([&] { decodeImage(missing); }).find("no_such_image.png"), std::string::npos);

  auto e = errorOf([] { decodeImage(std::vector<uint8_t>{}, 0, "empty.png"); });
  EXPECT_NE(e.find("empty.png"), std::string::npos) << e;
  EXPECT_NE(e.find("empty"), std::string::npos) << e;

  std::string text = "hello, not an image";
  e = errorOf([&] { decodeImage(std::vector<uint8_t>(text.begin(), text.end()), 0, "notes.txt"); });
  EXPECT_NE(e.find("notes.txt"), std::string::npos) << e;
  EXPECT_NE(e.find("not a PNG or JPEG"), std::string::npos) << e;

  auto png = readBytes(dataPath("mnist1.png"));
  for (size_t keep : {size_t(8), size_t(30), png.size() / 2, png.size() - 20}) {
    std::vector<uint8_t> cut(png.begin(), png.begin() + static_cast<std::ptrdiff_t>(keep));
    e = errorOf([&] { decodeImage(cut, 0, "cut.png"); });
    EXPECT_NE(e.find("cut.png"), std::string::npos) << keep << ": " << e;
    EXPECT_NE(e.find("PNG"), std::string::npos) << keep << ": " << e;
  }
  auto jpg = readBytes(dataPath("owl.jpg"));
  for (size_t keep : {size_t(3), size_t(200), jpg.size() / 2, jpg.size() - 100}) {
    std::vector<uint8_t> cut(jpg.begin(), jpg.begin() + static_cast<std::ptrdiff_t>(keep));
    e = errorOf([&] { decodeImage(cut, 0, "cut.jpg"); });
    EXPECT_NE(e.find("cut.jpg"), std::string::npos) << keep << ": " << e;
    EXPECT_NE(e.find("JPEG"), std::string::npos) << keep << ": " << e;
  }

  // Zero size and oversized headers (IHDR width/height patched; CRCs are not checked).
  auto zero = kRgba3x2;
  zero[16] = zero[17] = zero[18] = zero[19] = 0;
  e = errorOf([&] { decodeImage(zero, 0, "zero.png"); });
  EXPECT_NE(e.find("zero size"), std::string::npos) << e;
  auto huge = kRgba3x2;
  huge[17] = 0x01;  // width 65539
  e = errorOf([&] { decodeImage(huge, 0, "huge.png"); });
  EXPECT_NE(e.find("huge.png"), std::string::npos) << e;
  EXPECT_NE(e.find("too large"), std::string::npos) << e;

  EXPECT_THROW(decodeImage(kRgba3x2, 2), Error);  // channels must be 0, 1, 3 or 4
}

// A DHT segment declaring 16 * 255 codes overflows the Huffman tables of Debian's stb_image 2.27
// (found by fuzz/fuzz_image); decodeImage must reject it before stb reads it.
TEST(ImageIo, RejectsOversizedJpegHuffmanTable) {
  std::vector<uint8_t> jpeg = {0xff, 0xd8, 0xff, 0xc4, 0x00, 0x13, 0x00};
  jpeg.insert(jpeg.end(), 16, 0xff);
  jpeg.insert(jpeg.end(), {0xff, 0xd9});
  auto e = errorOf([&] { decodeImage(jpeg, 0, "dht.jpg"); });
  EXPECT_NE(e.find("dht.jpg"), std::string::npos) << e;
  EXPECT_NE(e.find("Huffman table"), std::string::npos) << e;
  // The same after an APP0 segment and between the scans of a (fake) progressive image.
  std::vector<uint8_t> later = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0xc4, 0xff, 0xff, 0xda, 0x00, 0x02,
                                0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xc4, 0x00, 0x13, 0x10};
  later.resize(later.size() + 16, 0x20);  // resize, not insert: GCC 12 warns falsely (-Warray-bounds)
  EXPECT_NE(errorOf([&] { decodeImage(later, 0, "later.jpg"); }).find("Huffman table"), std::string::npos);
}

TEST(ImageIo, EncodeRejectsBadTensors) {
  EXPECT_THROW(encodePng(zeros({2, 2, 2, 1}, DType::uint8)), Error);  // rank 4
  EXPECT_THROW(encodePng(zeros({4}, DType::uint8)), Error);           // rank 1
  EXPECT_THROW(encodePng(zeros({2, 2, 5}, DType::uint8)), Error);     // 5 channels
  EXPECT_THROW(encodePng(zeros({0, 2, 3}, DType::uint8)), Error);     // empty
  EXPECT_THROW(encodePng(zeros({2, 2}, DType::bool_)), Error);        // dtype
  EXPECT_THROW(encodePng(tensor2d({{0, 256}}, DType::int32)), Error);  // out of [0, 255]
  EXPECT_THROW(encodePng(tensor2d({{0.5, 1.5}})), Error);              // out of [0, 1]
  EXPECT_THROW(encodePng(tensor2d({{0.5, NAN}})), Error);
  auto e = errorOf([] { writePng("/nonexistent-dir/x.png", zeros({2, 2}, DType::uint8)); });
  EXPECT_NE(e.find("/nonexistent-dir/x.png"), std::string::npos) << e;
  e = errorOf([] { writePng("bad.png", zeros({2, 2, 7}, DType::uint8)); });
  EXPECT_NE(e.find("bad.png"), std::string::npos) << e;
}

TEST(ImageIo, DecodedImagesFeedImageOps) {
  Tensor img = decodeImage(dataPath("owl.jpg"));
  Tensor batch = expandDims(cast(img, DType::float32), 0);
  Tensor small = image::resizeBilinear(batch, {60, 45});
  EXPECT_EQ(small.shape(), (Shape{1, 60, 45, 3}));
  Tensor gray = image::rgbToGrayscale(small);
  EXPECT_EQ(gray.shape(), (Shape{1, 60, 45, 1}));
  float v = max(gray).dataSync<float>()[0];
  EXPECT_GT(v, 100.0f);
  EXPECT_LE(v, 255.0f);
}
