// tf.multinomial (kernel Multinomial): inverse-CDF sampling with Alea, every batch row restarting
// the generator from the same seed, as TF.js's cpu kernel does.
#include <cmath>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/unary.h"
#include "ops/random/alea.h"

namespace edgeflow {

Tensor multinomial(const Tensor& logits, int64_t numSamples, Seed seed, bool normalized) {
  if (logits.size() < 2)
    throw Error("multinomial: you need at least 2 outcomes, but got " + std::to_string(logits.size()) +
                " (logits " + shapeToString(logits.shape()) + ")");
  if (logits.rank() > 2)
    throw Error("multinomial: rank of logits must be 1 or 2, but is " + std::to_string(logits.rank()) + " (" +
                shapeToString(logits.shape()) + ")");
  if (numSamples < 0) throw Error("multinomial: numSamples must be non-negative, got " + std::to_string(numSamples));
  // TF.js: `seed || Math.random()`, so 0 and NaN mean unseeded.
  double s = seed && *seed != 0 && !std::isnan(*seed) ? *seed : random::freshSeed();
  Tensor x = logits.dtype() == DType::float32 ? logits : cast(logits, DType::float32);
  Tensor x2 = logits.rank() == 1 ? reshape(x, {1, -1}) : x;
  Tensor res = runKernel1("Multinomial", {x2}, Attrs{{"numSamples", numSamples}, {"seed", s}, {"normalized", normalized}});
  return logits.rank() == 1 ? reshape(res, {res.size()}) : res;
}

namespace {

// TF.js's cpu softmax step by step (each intermediate rounded to float32), so that samples near a
// CDF boundary fall on the same side.
void softmaxRow(const float* x, int64_t n, std::vector<float>& out) {
  float mx = x[0];
  for (int64_t j = 0; j < n; ++j)
    if (std::isnan(x[j]) || x[j] > mx) mx = x[j];
  double total = 0;
  for (int64_t j = 0; j < n; ++j) {
    out[j] = static_cast<float>(std::exp(static_cast<double>(x[j] - mx)));
    total += out[j];
  }
  float sum = static_cast<float>(total);
  for (int64_t j = 0; j < n; ++j) out[j] = static_cast<float>(static_cast<double>(out[j]) / sum);
}

}  // namespace

EF_REGISTER_KERNEL("Multinomial", "ref", [](const KernelContext& c) {
  const Tensor& logits = c.inputs[0];
  int64_t numSamples = c.attrs.getInt("numSamples");
  bool normalized = c.attrs.getBool("normalized");
  std::string seed = random::jsNumberToString(c.attrs.getDouble("seed"));
  int64_t batch = logits.shape()[0], events = logits.shape()[1];
  Tensor out = makeTensor({batch, numSamples}, DType::int32);
  int32_t* o = out.mutableData<int32_t>();
  const float* x = logits.dataPtr<float>();
  std::vector<float> probs(static_cast<size_t>(events));
  // The last event has no CDF entry: it is what happens when no other does.
  std::vector<float> cdf(static_cast<size_t>(events - 1));
  for (int64_t b = 0; b < batch; ++b) {
    const float* row = x + b * events;
    if (normalized)
      probs.assign(row, row + events);
    else
      softmaxRow(row, events, probs);
    for (size_t e = 0; e < cdf.size(); ++e) cdf[e] = e == 0 ? probs[0] : cdf[e - 1] + probs[e];
    random::Alea alea(seed);
    for (int64_t s = 0; s < numSamples; ++s) {
      double r = alea.next();
      int32_t pick = static_cast<int32_t>(cdf.size());
      for (size_t e = 0; e < cdf.size(); ++e) {
        if (r < cdf[e]) {
          pick = static_cast<int32_t>(e);
          break;
        }
      }
      o[b * numSamples + s] = pick;
    }
  }
  return std::vector<Tensor>{out};
});

}  // namespace edgeflow
