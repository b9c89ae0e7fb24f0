// MNIST as the TF.js course's data.js serves it: a sprite PNG 784 pixels wide with one 28x28 image
// per row, and a file of one-hot uint8 labels, 10 bytes per image (`edgeflow mnist-sprite` builds
// both from LeCun's idx files). The first trainCount images train, the next testCount are held out.
//
//   edgeflow::data::MnistData data;
//   data.load("build/mnist/mnist_images.png", "build/mnist/mnist_labels_uint8");
//   auto [xs, labels] = data.nextTrainBatch(512);  // xs [512,784] in [0,1], labels [512,10]
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow::data {

struct MnistBatch {
  Tensor xs;      // float32 [n, 784], pixels / 255
  Tensor labels;  // float32 [n, 10], one-hot
};

class MnistData {
 public:
  static constexpr int64_t kImageSize = 784;
  static constexpr int64_t kNumClasses = 10;

  // `seed` fixes the order of the training examples (the course uses Math.random).
  explicit MnistData(const std::string& seed = "mnist");

  // Reads the sprite (channel 0 of each pixel, as the course reads the canvas's red channel) and
  // the labels. Errors name the file: not a PNG, not 784 pixels wide, a labels file that is not 10
  // bytes per sprite row or not one-hot, fewer images than trainCount + testCount.
  void load(const std::string& imagesPng, const std::string& labelsFile, int64_t trainCount = 8000,
            int64_t testCount = 2000);

  // The next n training examples in a random order fixed at load(), wrapping around (as the
  // course's data.js); n may exceed the training set (examples then repeat).
  MnistBatch nextTrainBatch(int64_t n);
  // The next n held-out examples in file order, wrapping around: nextTestBatch(testCount) is the
  // whole held-out set.
  MnistBatch nextTestBatch(int64_t n);

  int64_t numTrain() const { return int64_t(trainLabels_.size()) / kNumClasses; }
  int64_t numTest() const { return int64_t(testLabels_.size()) / kNumClasses; }

 private:
  MnistBatch batch(const std::vector<float>& images, const std::vector<uint8_t>& labels,
                   const std::vector<int64_t>* order, int64_t& cursor, int64_t n, const char* what) const;

  std::string seed_;
  std::vector<float> trainImages_, testImages_;
  std::vector<uint8_t> trainLabels_, testLabels_;
  std::vector<int64_t> trainOrder_;
  int64_t trainCursor_ = 0, testCursor_ = 0;
};

}  // namespace edgeflow::data
