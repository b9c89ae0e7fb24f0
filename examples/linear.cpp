// The TF.js getting-started example: learn y = 2x - 1 from six points with one Dense unit.
// Exits non-zero if predict(10) is not within 0.1 of 19.
#include <cmath>
#include <cstdio>

#include "edgeflow/edgeflow.h"

int main() {
  auto model = edgeflow::sequential();
  model.add(edgeflow::layers::dense({.units = 1, .inputShape = {1}}));
  model.compile({.optimizer = "sgd", .loss = "meanSquaredError"});

  auto xs = edgeflow::tensor2d({-1, 0, 1, 2, 3, 4}, {6, 1});
  auto ys = edgeflow::tensor2d({-3, -1, 1, 3, 5, 7}, {6, 1});
  auto logEvery100 = [](int epoch, const edgeflow::Logs& logs) {
    if ((epoch + 1) % 100 == 0) std::printf("epoch %d: loss %.6f\n", epoch + 1, logs.at("loss"));
  };
  model.fit(xs, ys, {.epochs = 500, .verbose = 0, .callbacks = {.onEpochEnd = logEvery100}});

  double y = model.predict(edgeflow::tensor2d({{10}})).dataSync<double>()[0];
  bool ok = std::fabs(y - 19) <= 0.1;
  std::printf("linear: predict(10) = %.4f (target 19 +- 0.1): %s\n", y, ok ? "ok" : "MISSED");
  return ok ? 0 : 1;
}
