// MnistData: the course's sprite PNG and one-hot labels file, served in batches (see mnist.h).
#include "edgeflow/data/mnist.h"

#include <cmath>

#include "edgeflow/data/iterators.h"
#include "edgeflow/image_io.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/types.h"
#include "io/file_io.h"

namespace edgeflow::data {

namespace {

std::string shapeString(const Shape& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? "," : "") + std::to_string(shape[i]);
  return out + "]";
}

}  // namespace

MnistData::MnistData(const std::string& seed) : seed_(seed) {}

void MnistData::load(const std::string& imagesPng, const std::string& labelsFile, int64_t trainCount,
                     int64_t testCount) {
  if (trainCount < 0 || testCount < 0)
    throw Error("MnistData.load: trainCount (" + std::to_string(trainCount) + ") and testCount (" +
                std::to_string(testCount) + ") must not be negative");
  Tensor sprite = decodeImage(imagesPng);
  const Shape& shape = sprite.shape();  // [height, width, channels]
  if (shape[1] != kImageSize)
    throw Error("MnistData.load: sprite '" + imagesPng + "' is " + shapeString(shape) +
                " (height, width, channels): it must be " + std::to_string(kImageSize) +
                " pixels wide, one 28x28 image per row");
  const int64_t count = shape[0], channels = shape[2];

  const std::vector<uint8_t> labels = io::detail::readFileBytes(labelsFile, "labels file");
  if (int64_t(labels.size()) != count * kNumClasses)
    throw Error("MnistData.load: labels file '" + labelsFile + "' holds " + std::to_string(labels.size()) +
                " bytes but sprite '" + imagesPng + "' has " + std::to_string(count) + " images: expected " +
                std::to_string(count * kNumClasses) + " (10 one-hot bytes per image)");
  for (int64_t i = 0; i < count; ++i) {
    int ones = 0;
    bool binary = true;
    for (int64_t k = 0; k < kNumClasses; ++k) {
      const uint8_t v = labels[size_t(i * kNumClasses + k)];
      ones += v == 1;
      binary = binary && v <= 1;
    }
    if (!binary || ones != 1)
      throw Error("MnistData.load: labels file '" + labelsFile + "': image " + std::to_string(i) +
                  " has no one-hot label (10 bytes, one of them 1, the others 0)");
  }
  if (trainCount + testCount > count)
    throw Error("MnistData.load: trainCount " + std::to_string(trainCount) + " + testCount " +
                std::to_string(testCount) + " exceeds the " + std::to_string(count) + " images in '" + imagesPng +
                "'");

  const std::vector<uint8_t> pixels = sprite.dataSync<uint8_t>();
  auto images = [&](int64_t first, int64_t n) {
    std::vector<float> out(size_t(n * kImageSize));
    for (int64_t i = 0; i < n * kImageSize; ++i) out[size_t(i)] = float(pixels[size_t((first * kImageSize + i) * channels)]) / 255.0f;
    return out;
  };
  trainImages_ = images(0, trainCount);
  testImages_ = images(trainCount, testCount);
  trainLabels_.assign(labels.begin(), labels.begin() + trainCount * kNumClasses);
  testLabels_.assign(labels.begin() + trainCount * kNumClasses, labels.begin() + (trainCount + testCount) * kNumClasses);

  // Fisher-Yates with the seeded alea generator, so the order is the same natively and in wasm.
  trainOrder_.resize(size_t(trainCount));
  for (int64_t i = 0; i < trainCount; ++i) trainOrder_[size_t(i)] = i;
  detail::ShuffleRandom random(seed_);
  for (int64_t i = trainCount - 1; i > 0; --i) {
    const auto j = int64_t(std::floor(random.next() * double(i + 1)));
    std::swap(trainOrder_[size_t(i)], trainOrder_[size_t(j)]);
  }
  trainCursor_ = testCursor_ = 0;
}

MnistBatch MnistData::batch(const std::vector<float>& images, const std::vector<uint8_t>& labels,
                            const std::vector<int64_t>* order, int64_t& cursor, int64_t n, const char* what) const {
  const int64_t available = int64_t(labels.size()) / kNumClasses;
  if (n <= 0) throw Error(std::string("MnistData.") + what + ": batch size must be positive, got " + std::to_string(n));
  if (available == 0)
    throw Error(std::string("MnistData.") + what + ": no examples (call load() first, with a non-zero count)");
  std::vector<float> xs(size_t(n * kImageSize)), ys(size_t(n * kNumClasses));
  for (int64_t b = 0; b < n; ++b) {
    const int64_t index = order ? (*order)[size_t(cursor)] : cursor;
    cursor = (cursor + 1) % available;
    std::copy_n(images.begin() + index * kImageSize, kImageSize, xs.begin() + b * kImageSize);
    for (int64_t k = 0; k < kNumClasses; ++k) ys[size_t(b * kNumClasses + k)] = labels[size_t(index * kNumClasses + k)];
  }
  return {tensor(xs, {n, kImageSize}), tensor(ys, {n, kNumClasses})};
}

MnistBatch MnistData::nextTrainBatch(int64_t n) {
  return batch(trainImages_, trainLabels_, &trainOrder_, trainCursor_, n, "nextTrainBatch");
}

MnistBatch MnistData::nextTestBatch(int64_t n) {
  return batch(testImages_, testLabels_, nullptr, testCursor_, n, "nextTestBatch");
}

}  // namespace edgeflow::data
