// MNIST in the course's format: the idx reader (src/data/idx.cpp) on files built by hand from the
// format's description (LeCun's MNIST page), the sprite conversion, and MnistData on a tiny sprite
// PNG and labels file written by the test.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "data/idx.h"
#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"
#include "unit/io_test_util.h"

using namespace edgeflow;
namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> idxFile(uint8_t type, const std::vector<uint32_t>& dims, const std::vector<uint8_t>& payload) {
  std::vector<uint8_t> out{0, 0, type, uint8_t(dims.size())};
  for (uint32_t d : dims)
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(uint8_t(d >> shift));
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

std::string idxError(const std::vector<uint8_t>& file) {
  try {
    data::parseIdx(file.data(), file.size(), "x.idx");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

using edgeflow_test::errorOf;

using io_test::TempDir;

void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

// Image i has every pixel equal to 10 * i + (pixel index % 7); its label is (i * 3) % 10.
struct TinyMnist {
  int n;
  std::vector<uint8_t> pixels, labels;
  explicit TinyMnist(int count) : n(count), pixels(size_t(count) * 784), labels(size_t(count)) {
    for (int i = 0; i < n; ++i) {
      for (int p = 0; p < 784; ++p) pixels[size_t(i * 784 + p)] = uint8_t(10 * i + p % 7);
      labels[size_t(i)] = uint8_t((i * 3) % 10);
    }
  }
  float pixel(int image, int p) const { return float(10 * image + p % 7) / 255.0f; }
  int label(int image) const { return (image * 3) % 10; }
};

// The sprite and labels files for `tiny`, made the way `edgeflow mnist-sprite` makes them.
void writeSprite(const TinyMnist& tiny, const std::string& png, const std::string& labelsPath) {
  auto images = idxFile(0x08, {uint32_t(tiny.n), 28, 28}, tiny.pixels);
  auto labels = idxFile(0x08, {uint32_t(tiny.n)}, tiny.labels);
  auto sprite = data::mnistSpriteFromIdx(data::parseIdx(images.data(), images.size(), "images"),
                                         data::parseIdx(labels.data(), labels.size(), "labels"));
  writePng(png, tensor(sprite.pixels, {sprite.count, 784}, DType::uint8));
  writeBytes(labelsPath, sprite.labels);
}

}  // namespace

TEST(DataIdx, ParsesLabelsAndImages) {
  auto labels = data::parseIdx(idxFile(0x08, {3}, {7, 2, 1}).data(), 11);
  EXPECT_EQ(labels.type, data::IdxType::uint8);
  EXPECT_EQ(labels.dims, (std::vector<int64_t>{3}));
  EXPECT_EQ(labels.data, (std::vector<uint8_t>{7, 2, 1}));

  std::vector<uint8_t> payload(2 * 28 * 28);
  for (size_t i = 0; i < payload.size(); ++i) payload[i] = uint8_t(i * 13);
  auto file = idxFile(0x08, {2, 28, 28}, payload);
  auto images = data::parseIdx(file.data(), file.size());
  EXPECT_EQ(images.dims, (std::vector<int64_t>{2, 28, 28}));
  EXPECT_EQ(images.data, payload);

  // Other element types keep their big-endian bytes; a dimension above 2^31 reads unsigned.
  auto ints = idxFile(0x0C, {2}, {0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE});
  auto parsed = data::parseIdx(ints.data(), ints.size());
  EXPECT_EQ(parsed.type, data::IdxType::int32);
  EXPECT_EQ(parsed.data.size(), 8u);
  auto huge = idxFile(0x08, {0x80000000u, 0}, {});
  EXPECT_EQ(data::parseIdx(huge.data(), huge.size()).dims, (std::vector<int64_t>{0x80000000LL, 0}));
}

TEST(DataIdx, RejectsBadFilesWithClearErrors) {
  EXPECT_EQ(idxError({}), "idx file 'x.idx': truncated: 0 bytes, shorter than the 4-byte magic number");
  EXPECT_EQ(idxError({0x1f, 0x8b, 8, 0}), "idx file 'x.idx': is gzip-compressed: unpack it first (gunzip)");
  EXPECT_NE(idxError({0, 1, 8, 1, 0, 0, 0, 0}).find("bad magic number 00 01 08 01"), std::string::npos);
  EXPECT_NE(idxError({0, 0, 0x07, 1, 0, 0, 0, 0}).find("bad magic number 00 00 07 01"), std::string::npos);
  EXPECT_EQ(idxError({0, 0, 8, 3, 0, 0, 0, 2, 0, 0}),
            "idx file 'x.idx': truncated header: 3 dimensions need 16 bytes but the file has 10");
  EXPECT_EQ(idxError(idxFile(0x08, {10000, 28, 28}, std::vector<uint8_t>(100))),
            "idx file 'x.idx': truncated: shape [10000,28,28] of uint8 needs 7840000 bytes of data after the "
            "16-byte header, but the file has 100");
  EXPECT_EQ(idxError(idxFile(0x0B, {3}, {1, 2, 3, 4, 5, 6, 7})),
            "idx file 'x.idx': trailing bytes: shape [3] of int16 needs 6 bytes of data after the 8-byte header, "
            "but the file has 7");
  // A shape whose byte count overflows 64 bits is just "truncated".
  EXPECT_NE(idxError(idxFile(0x0E, {0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu}, {1})).find("truncated: shape"),
            std::string::npos);
}

TEST(DataIdx, SpriteIsOneRowAndOneHotLabelPerImage) {
  TinyMnist tiny(4);
  auto images = data::parseIdx(idxFile(0x08, {4, 28, 28}, tiny.pixels).data(), 16 + 4 * 784);
  auto labels = data::parseIdx(idxFile(0x08, {4}, tiny.labels).data(), 12);
  auto sprite = data::mnistSpriteFromIdx(images, labels);
  EXPECT_EQ(sprite.count, 4);
  EXPECT_EQ(sprite.pixels, tiny.pixels);
  ASSERT_EQ(sprite.labels.size(), 40u);
  for (int i = 0; i < 4; ++i)
    for (int k = 0; k < 10; ++k) EXPECT_EQ(sprite.labels[size_t(i * 10 + k)], k == tiny.label(i) ? 1 : 0) << i << "," << k;

  auto first2 = data::mnistSpriteFromIdx(images, labels, 2);
  EXPECT_EQ(first2.count, 2);
  EXPECT_EQ(first2.pixels.size(), 2u * 784);
  EXPECT_EQ(first2.labels, std::vector<uint8_t>(sprite.labels.begin(), sprite.labels.begin() + 20));

  EXPECT_EQ(errorOf([&] { data::mnistSpriteFromIdx(images, labels, 5, "img", "lab"); }),
            "mnist: count 5 must be between 1 and the 4 images in 'img'");
  EXPECT_EQ(errorOf([&] { data::mnistSpriteFromIdx(labels, labels, -1, "img", "lab"); }),
            "mnist: images 'img' must be uint8 [n,28,28] but are uint8 [4]");
  EXPECT_EQ(errorOf([&] { data::mnistSpriteFromIdx(images, images, -1, "img", "lab"); }),
            "mnist: labels 'lab' must be uint8 [n] but are uint8 [4,28,28]");
  auto three = data::parseIdx(idxFile(0x08, {3}, {1, 2, 3}).data(), 11);
  EXPECT_EQ(errorOf([&] { data::mnistSpriteFromIdx(images, three, -1, "img", "lab"); }),
            "mnist: images 'img' [4,28,28] and labels 'lab' [3] hold different numbers of examples");
  auto bad = data::parseIdx(idxFile(0x08, {4}, {1, 2, 10, 3}).data(), 12);
  EXPECT_EQ(errorOf([&] { data::mnistSpriteFromIdx(images, bad, -1, "img", "lab"); }),
            "mnist: labels 'lab': label 2 is 10, not a digit 0..9");
}

TEST(DataMnist, LoadsSpriteAndServesBatchesLikeTheCourse) {
  TempDir dir;
  TinyMnist tiny(7);
  writeSprite(tiny, dir.file("sprite.png"), dir.file("labels"));
  auto before = memory();
  {
    data::MnistData mnist("seed-1");
    mnist.load(dir.file("sprite.png"), dir.file("labels"), 4, 3);
    EXPECT_EQ(mnist.numTrain(), 4);
    EXPECT_EQ(mnist.numTest(), 3);

    // Held-out examples are images 4, 5, 6 in order, then wrap around.
    auto test = mnist.nextTestBatch(4);
    EXPECT_EQ(test.xs.shape(), (Shape{4, 784}));
    EXPECT_EQ(test.labels.shape(), (Shape{4, 10}));
    EXPECT_EQ(test.xs.dtype(), DType::float32);
    EXPECT_EQ(test.labels.dtype(), DType::float32);
    auto xs = test.xs.dataSync<float>();
    auto ys = test.labels.dataSync<float>();
    const int expected[4] = {4, 5, 6, 4};
    for (int b = 0; b < 4; ++b) {
      for (int p : {0, 1, 100, 783}) EXPECT_FLOAT_EQ(xs[size_t(b * 784 + p)], tiny.pixel(expected[b], p));
      for (int k = 0; k < 10; ++k) EXPECT_EQ(ys[size_t(b * 10 + k)], k == tiny.label(expected[b]) ? 1.f : 0.f);
    }
    // The cursor goes on from where it stopped: image 5 next.
    EXPECT_FLOAT_EQ(mnist.nextTestBatch(1).xs.dataSync<float>()[0], tiny.pixel(5, 0));

    // Training examples: each of images 0..3 once per pass of 4, the same order in the next pass.
    auto train = mnist.nextTrainBatch(8);
    auto txs = train.xs.dataSync<float>();
    auto tys = train.labels.dataSync<float>();
    std::vector<int> order;
    for (int b = 0; b < 8; ++b) {
      int image = int(std::lround(txs[size_t(b * 784)] * 255.0f)) / 10;
      order.push_back(image);
      for (int k = 0; k < 10; ++k) EXPECT_EQ(tys[size_t(b * 10 + k)], k == tiny.label(image) ? 1.f : 0.f);
      EXPECT_FLOAT_EQ(txs[size_t(b * 784 + 5)], tiny.pixel(image, 5));
    }
    EXPECT_EQ(std::set<int>(order.begin(), order.begin() + 4), (std::set<int>{0, 1, 2, 3}));
    EXPECT_EQ(std::vector<int>(order.begin(), order.begin() + 4), std::vector<int>(order.begin() + 4, order.end()));

    // The same seed gives the same order; load() restarts it.
    data::MnistData again("seed-1");
    again.load(dir.file("sprite.png"), dir.file("labels"), 4, 3);
    EXPECT_EQ(again.nextTrainBatch(8).xs.dataSync<float>(), txs);
    mnist.load(dir.file("sprite.png"), dir.file("labels"), 4, 3);
    EXPECT_EQ(mnist.nextTrainBatch(8).xs.dataSync<float>(), txs);
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
}

TEST(DataMnist, SeedsGiveDifferentOrders) {
  TempDir dir;
  TinyMnist tiny(20);
  writeSprite(tiny, dir.file("sprite.png"), dir.file("labels"));
  std::set<std::vector<float>> orders;
  for (const char* seed : {"a", "b", "c", "d"}) {
    data::MnistData mnist(seed);
    mnist.load(dir.file("sprite.png"), dir.file("labels"), 20, 0);
    orders.insert(mnist.nextTrainBatch(20).labels.dataSync<float>());
  }
  EXPECT_GT(orders.size(), 1u);  // 20! orders: four seeds agreeing would mean no shuffling
}

TEST(DataMnist, ErrorsNameTheFile) {
  TempDir dir;
  TinyMnist tiny(5);
  const std::string png = dir.file("sprite.png"), labels = dir.file("labels");
  writeSprite(tiny, png, labels);
  data::MnistData mnist;

  EXPECT_EQ(errorOf([&] { mnist.load(png, labels, 4, 2); }),
            "MnistData.load: trainCount 4 + testCount 2 exceeds the 5 images in '" + png + "'");
  EXPECT_EQ(errorOf([&] { mnist.load(png, labels, -1, 2); }),
            "MnistData.load: trainCount (-1) and testCount (2) must not be negative");

  writeBytes(dir.file("short"), std::vector<uint8_t>(49));
  EXPECT_EQ(errorOf([&] { mnist.load(png, dir.file("short"), 1, 1); }),
            "MnistData.load: labels file '" + dir.file("short") + "' holds 49 bytes but sprite '" + png +
                "' has 5 images: expected 50 (10 one-hot bytes per image)");
  std::vector<uint8_t> twoHot(50, 0);
  for (int i = 0; i < 5; ++i) twoHot[size_t(i * 10 + i)] = 1;
  twoHot[31] = 1;
  writeBytes(dir.file("twohot"), twoHot);
  EXPECT_EQ(errorOf([&] { mnist.load(png, dir.file("twohot"), 1, 1); }),
            "MnistData.load: labels file '" + dir.file("twohot") +
                "': image 3 has no one-hot label (10 bytes, one of them 1, the others 0)");
  EXPECT_NE(errorOf([&] { mnist.load(png, dir.file("missing"), 1, 1); }).find(dir.file("missing")), std::string::npos);

  writePng(dir.file("narrow.png"), zeros({5, 28}, DType::uint8));
  EXPECT_EQ(errorOf([&] { mnist.load(dir.file("narrow.png"), labels, 1, 1); }),
            "MnistData.load: sprite '" + dir.file("narrow.png") +
                "' is [5,28,1] (height, width, channels): it must be 784 pixels wide, one 28x28 image per row");
  writeBytes(dir.file("not.png"), {1, 2, 3, 4});
  EXPECT_NE(errorOf([&] { mnist.load(dir.file("not.png"), labels, 1, 1); }).find(dir.file("not.png")),
            std::string::npos);

  EXPECT_EQ(errorOf([&] { mnist.nextTrainBatch(2); }),
            "MnistData.nextTrainBatch: no examples (call load() first, with a non-zero count)");
  mnist.load(png, labels, 3, 2);
  EXPECT_EQ(errorOf([&] { mnist.nextTestBatch(0); }), "MnistData.nextTestBatch: batch size must be positive, got 0");
  EXPECT_EQ(mnist.nextTestBatch(2).xs.shape(), (Shape{2, 784}));
}
