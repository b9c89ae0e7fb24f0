// Issue 5's workloads, the same as the peers' scripts (../shared/peers/js/bench_mnist_train.js,
// js/mobilenet.js, py/bench_mnist_torch.py), natively and in wasm under Node:
//   mnist      the course convnet, epochs of 5 500 random samples at batch 512 (adam,
//              categoricalCrossentropy, accuracy, shuffled), median epoch after one warm-up;
//   mobilenet  MobileNet v1 (the peers' "bn" form: conv without bias -> batchNormalization ->
//              ReLU(maxValue 6), via layers; random N(0, 2/fanIn) weights), predict() median;
//   memory     peak RSS of MobileNet 1.0 batch-1 inference (natively: VmHWM) and numTensors
//              before and after N predicts.
// One line per result, `RESULT {json}`, for bench/run_convnets.sh to read.
// usage: bench_convnets [--threads=N] [--only=mnist|mobilenet|memory] [--alpha=A] [--batch=B]
//                       [--runs=N] [--samples=N] [--predicts=N] [--profile]
// --profile: after a MobileNet timing, each kernel's mean time over 20 predicts (ef::profile).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "edgeflow/edgeflow.h"

namespace ef = edgeflow;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string only;
  double alpha = 0;  // 0: the default list
  int64_t batch = 0;
  int runs = 0;
  int64_t samples = 5500;
  int64_t predicts = 10000;
  bool profile = false;
};

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

const char* platform() {
#ifdef __EMSCRIPTEN__
  return "wasm";
#else
  return "native";
#endif
}

// Peak resident set (MiB) so far; -1 where /proc is not there (wasm).
double peakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return -1;
}

ef::Sequential courseConvnet() {
  auto model = ef::sequential();
  model.add(ef::layers::conv2d({.filters = 8, .kernelSize = 3, .activation = "relu", .inputShape = {28, 28, 1}}));
  model.add(ef::layers::maxPooling2d({.poolSize = {2, 2}, .strides = {2, 2}}));
  model.add(ef::layers::conv2d({.filters = 16, .kernelSize = 3, .activation = "relu"}));
  model.add(ef::layers::maxPooling2d({.poolSize = {2, 2}, .strides = {2, 2}}));
  model.add(ef::layers::flatten());
  model.add(ef::layers::dense({.units = 128, .activation = "relu"}));
  model.add(ef::layers::dense({.units = 10, .activation = "softmax"}));
  model.compile({.optimizer = ef::train::adam(), .loss = "categoricalCrossentropy", .metrics = {"accuracy"}});
  return model;
}

void benchMnist(const Options& o) {
  const int runs = o.runs ? o.runs : 5;
  auto model = courseConvnet();
  ef::Tensor xs = ef::randomUniform({o.samples, 28, 28, 1}, 0, 1, ef::DType::float32, 1);
  ef::Tensor ys = ef::tidy([&] {
    return ef::cast(ef::oneHot(ef::randomUniform({o.samples}, 0, 10, ef::DType::int32, 2), 10), ef::DType::float32);
  });
  std::vector<double> epochs;
  std::vector<int64_t> fresh;  // buffers taken from the system allocator during each timed epoch
  Clock::time_point t0;
  int64_t allocated0 = 0;
  double loss = NAN;
  model.fit(xs, ys,
            {.batchSize = 512,
             .epochs = 1 + runs,
             .verbose = 0,
             .callbacks = {.onEpochBegin =
                               [&](int, const ef::Logs&) {
                                 allocated0 = ef::bufferCacheInfo().allocated;
                                 t0 = Clock::now();
                               },
                           .onEpochEnd =
                               [&](int epoch, const ef::Logs& logs) {
                                 if (epoch == 0) return;
                                 epochs.push_back(seconds(t0));
                                 fresh.push_back(ef::bufferCacheInfo().allocated - allocated0);
                                 loss = logs.at("loss");
                               }},
             .shuffle = true});
  if (!std::isfinite(loss)) throw ef::Error("mnist: non-finite loss");
  std::printf(
      "RESULT {\"bench\":\"mnist_train\",\"engine\":\"edgeflow-%s\",\"threads\":%d,\"samples\":%lld,\"batch\":512,"
      "\"sec_per_epoch\":%.4f,\"min_sec\":%.4f,\"epochs_timed\":%zu,\"final_loss\":%.4f,"
      "\"fresh_buffers_last_epoch\":%lld}\n",
      platform(), ef::numThreads(), (long long)o.samples, median(epochs), *std::min_element(epochs.begin(), epochs.end()),
      epochs.size(), loss, (long long)fresh.back());
}

// MobileNet v1, the peers' js/mobilenet.js `bn` variant, through the layers API.
ef::LayersModel mobilenet(double alpha) {
  static const int blocks[13][2] = {{64, 1},  {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},  {512, 1},
                                    {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
  double seed = 1;
  auto init = [&](double fanIn) {
    return ef::initializers::randomNormal({.mean = 0, .stddev = std::sqrt(2 / fanIn), .seed = seed++});
  };
  auto act = [](ef::SymbolicTensor x) {
    return ef::layers::reLU({.maxValue = 6}).apply(ef::layers::batchNormalization().apply(x));
  };
  ef::SymbolicTensor input = ef::input({.shape = {224, 224, 3}});
  int64_t c = int64_t(std::floor(32 * alpha));
  ef::SymbolicTensor x = act(ef::layers::conv2d({.filters = c, .kernelSize = 3, .strides = 2, .padding = "same",
                                                 .useBias = false, .kernelInitializer = init(27)})
                                 .apply(input));
  for (const auto& b : blocks) {
    const int64_t f = int64_t(std::floor(b[0] * alpha));
    x = act(ef::layers::depthwiseConv2d({.kernelSize = 3, .strides = b[1], .padding = "same", .useBias = false,
                                         .depthwiseInitializer = init(9)})
                .apply(x));
    x = act(ef::layers::conv2d({.filters = f, .kernelSize = 1, .padding = "same", .useBias = false,
                                .kernelInitializer = init(double(c))})
                .apply(x));
    c = f;
  }
  x = ef::layers::globalAveragePooling2d({}).apply(x);
  ef::SymbolicTensor out =
      ef::layers::dense({.units = 1000, .activation = "softmax", .kernelInitializer = init(2.0 * double(c))}).apply(x);
  return ef::model({.inputs = {input}, .outputs = {out}});
}

// Mean time per predict of each kernel (by name and input shapes), slowest first.
void printProfile(ef::LayersModel& model, const ef::Tensor& x) {
  const int predicts = 20;
  ef::ProfileInfo info = ef::profile([&] {
    for (int i = 0; i < predicts; ++i) model.predict(x).dispose();
  });
  std::map<std::string, std::pair<double, int>> byKernel;  // total ms, calls
  double total = 0;
  for (const auto& k : info.kernels) {
    std::string key = k.name;
    for (const auto& shape : k.inputShapes) key += " " + ef::shapeToString(shape);
    byKernel[key].first += k.kernelTimeMs, byKernel[key].second += 1;
    total += k.kernelTimeMs;
  }
  std::vector<std::pair<double, std::string>> rows;
  for (const auto& [key, v] : byKernel) rows.push_back({v.first / predicts, key + " x" + std::to_string(v.second / predicts)});
  std::sort(rows.rbegin(), rows.rend());
  std::printf("# kernels per predict: %.3f ms in all\n", total / predicts);
  for (const auto& [ms, key] : rows) std::printf("#  %8.3f ms  %s\n", ms, key.c_str());
}

void benchMobilenet(double alpha, int64_t batch, int runs, bool profile) {
  auto model = mobilenet(alpha);
  ef::Tensor x = ef::randomUniform({batch, 224, 224, 3}, 0, 1, ef::DType::float32, 3);
  for (int i = 0; i < 3; ++i) model.predict(x).dispose();  // warm-up: scratch buffers, thread pool
  std::vector<double> ms;
  const Clock::time_point start = Clock::now();
  while (int(ms.size()) < runs || (seconds(start) < 2 && ms.size() < 200)) {
    Clock::time_point t0 = Clock::now();
    model.predict(x).dataSync<float>();
    ms.push_back(seconds(t0) * 1e3);
  }
  std::printf(
      "RESULT {\"bench\":\"mobilenet\",\"engine\":\"edgeflow-%s\",\"threads\":%d,\"alpha\":%g,\"batch\":%lld,"
      "\"ms_median\":%.3f,\"ms_min\":%.3f,\"runs\":%zu}\n",
      platform(), ef::numThreads(), alpha, (long long)batch, median(ms), *std::min_element(ms.begin(), ms.end()),
      ms.size());
  if (profile) printProfile(model, x);
}

// Peak RSS of batch-1 MobileNet 1.0 inference, and live tensors across many predicts (0.25, so
// that 10 000 of them take seconds).
void benchMemory(const Options& o) {
  {
    auto model = mobilenet(1.0);
    ef::Tensor x = ef::randomUniform({1, 224, 224, 3}, 0, 1, ef::DType::float32, 3);
    for (int i = 0; i < 5; ++i) model.predict(x).dispose();
    std::printf("RESULT {\"bench\":\"mobilenet_memory\",\"engine\":\"edgeflow-%s\",\"alpha\":1,\"batch\":1,"
                "\"peak_rss_mib\":%.1f}\n",
                platform(), peakRssMiB());
    model.dispose();
    x.dispose();
  }
  auto model = mobilenet(0.25);
  ef::Tensor x = ef::randomUniform({1, 224, 224, 3}, 0, 1, ef::DType::float32, 3);
  model.predict(x).dispose();
  const ef::MemoryInfo before = ef::memory();
  for (int64_t i = 0; i < o.predicts; ++i) model.predict(x).dispose();
  const ef::MemoryInfo after = ef::memory();
  std::printf("RESULT {\"bench\":\"predict_loop\",\"engine\":\"edgeflow-%s\",\"alpha\":0.25,\"predicts\":%lld,"
              "\"num_tensors_before\":%lld,\"num_tensors_after\":%lld,\"num_bytes_before\":%lld,"
              "\"num_bytes_after\":%lld}\n",
              platform(), (long long)o.predicts, (long long)before.numTensors, (long long)after.numTensors,
              (long long)before.numBytes, (long long)after.numBytes);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* key) -> const char* {
      size_t n = std::strlen(key);
      return a.compare(0, n, key) == 0 ? a.c_str() + n : nullptr;
    };
    if (const char* v = value("--threads=")) ef::setNumThreads(std::atoi(v));
    else if (const char* v = value("--only=")) o.only = v;
    else if (const char* v = value("--alpha=")) o.alpha = std::atof(v);
    else if (const char* v = value("--batch=")) o.batch = std::atoll(v);
    else if (const char* v = value("--runs=")) o.runs = std::atoi(v);
    else if (const char* v = value("--samples=")) o.samples = std::atoll(v);
    else if (const char* v = value("--predicts=")) o.predicts = std::atoll(v);
    else if (a == "--profile") o.profile = true;
    else {
      std::fprintf(stderr, "bench_convnets: unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  try {
    if (o.only.empty() || o.only == "mnist") benchMnist(o);
    if (o.only.empty() || o.only == "mobilenet") {
      const int runs = o.runs ? o.runs : 20;
      if (o.alpha > 0) {
        benchMobilenet(o.alpha, o.batch ? o.batch : 1, runs, o.profile);
      } else {
        benchMobilenet(1.0, 1, runs, o.profile);
        benchMobilenet(1.0, 8, runs / 2, o.profile);
        benchMobilenet(0.25, 1, runs, o.profile);
      }
    }
    if (o.only == "memory") benchMemory(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_convnets: %s\n", e.what());
    return 1;
  }
  return 0;
}
