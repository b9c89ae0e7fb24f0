// The TF.js course's MNIST convnet: the sprite PNG and one-hot labels (made from LeCun's idx files
// by `edgeflow mnist-sprite`, see scripts/run.sh) read by data::MnistData as the course's data.js;
// conv2d 8 3x3 relu -> maxPool 2x2 -> conv2d 16 3x3 relu -> maxPool 2x2 -> flatten -> dense 128
// relu -> dense 10 softmax (varianceScaling kernels, as the course), adam, categoricalCrossentropy,
// batch 512, the held-out images as validation data, shuffled. Only MNIST's 10 000 test images are
// available here: 8 000 train and 2 000 are held out. Training stops once the held-out accuracy
// reaches the target (at most maxEpochs); exits non-zero if it never does.
//   mnist [sprite.png labels_file [maxEpochs]]   (default: build/mnist/mnist_images.png, mnist_labels_uint8)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "edgeflow/edgeflow.h"

namespace ef = edgeflow;

namespace {

constexpr int64_t kTrain = 8000, kTest = 2000, kBatch = 512;
constexpr double kTarget = 0.97;

ef::Sequential courseConvnet() {
  auto kernels = [](double seed) { return ef::initializers::varianceScaling({.seed = seed}); };
  auto model = ef::sequential();
  model.add(ef::layers::conv2d({.filters = 8, .kernelSize = 3, .activation = "relu",
                                .kernelInitializer = kernels(1), .inputShape = {28, 28, 1}}));
  model.add(ef::layers::maxPooling2d({.poolSize = {2, 2}, .strides = {2, 2}}));
  model.add(ef::layers::conv2d({.filters = 16, .kernelSize = 3, .activation = "relu", .kernelInitializer = kernels(2)}));
  model.add(ef::layers::maxPooling2d({.poolSize = {2, 2}, .strides = {2, 2}}));
  model.add(ef::layers::flatten());
  model.add(ef::layers::dense({.units = 128, .activation = "relu", .kernelInitializer = kernels(3)}));
  model.add(ef::layers::dense({.units = 10, .activation = "softmax", .kernelInitializer = kernels(4)}));
  model.compile({.optimizer = ef::train::adam(), .loss = "categoricalCrossentropy", .metrics = {"accuracy"}});
  return model;
}

double accuracy(const ef::Sequential& model, const ef::Tensor& xs, const ef::Tensor& ys) {
  return ef::tidy([&] {
           ef::Tensor correct = ef::equal(ef::argMax(model.predict(xs, {.batchSize = kBatch}), 1), ef::argMax(ys, 1));
           return ef::mean(ef::cast(correct, ef::DType::float32));
         })
      .dataSync<double>()[0];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string images = argc > 1 ? argv[1] : "build/mnist/mnist_images.png";
  const std::string labels = argc > 2 ? argv[2] : "build/mnist/mnist_labels_uint8";
  const int maxEpochs = argc > 3 ? std::atoi(argv[3]) : 60;
  try {
    ef::data::MnistData data;
    data.load(images, labels, kTrain, kTest);
    // As the course: all training and held-out examples as [n, 28, 28, 1] tensors.
    auto [trainXs, trainYs] = data.nextTrainBatch(kTrain);
    auto [testXs, testYs] = data.nextTestBatch(kTest);
    trainXs = trainXs.reshape({kTrain, 28, 28, 1});
    testXs = testXs.reshape({kTest, 28, 28, 1});

    auto model = courseConvnet();
    model.summary();
    using Clock = std::chrono::steady_clock;
    auto epochStart = Clock::now();
    double totalSeconds = 0;
    int epochs = 0;
    auto onEpochBegin = [&](int, const ef::Logs&) { epochStart = Clock::now(); };
    auto onEpochEnd = [&](int, const ef::Logs& logs) {
      totalSeconds += std::chrono::duration<double>(Clock::now() - epochStart).count();
      ++epochs;
      if (logs.at("val_acc") >= kTarget) model.setStopTraining(true);
    };
    model.fit(trainXs, trainYs,
              {.batchSize = kBatch,
               .epochs = maxEpochs,
               .verbose = 1,
               .callbacks = {.onEpochBegin = onEpochBegin, .onEpochEnd = onEpochEnd},
               .validationData = {testXs, testYs},
               .shuffle = true});

    const double heldOut = accuracy(model, testXs, testYs);
    const double train = accuracy(model, trainXs, trainYs);
    const bool ok = heldOut >= kTarget;
    std::printf("%d epochs, %.2f s per epoch (training and validation, %lld images at batch %lld)\n", epochs,
                epochs ? totalSeconds / epochs : 0.0, (long long)kTrain, (long long)kBatch);
    std::printf("accuracy: %.2f %% on the %lld training images, %.2f %% on the %lld held-out images (target >= %.0f %%)\n",
                train * 100, (long long)kTrain, heldOut * 100, (long long)kTest, kTarget * 100);
    std::printf("mnist: %s\n", ok ? "ok" : "MISSED");
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mnist: %s\n", e.what());
    return 2;
  }
}
