// Fast cpu FusedBatchNorm for the inference case: float32 x with per-channel (last axis) or scalar
// mean, variance, offset and scale. Each channel's scale / sqrt(variance + epsilon) is computed
// once (in double); rows of x run over threads with the channels in vector lanes. Other shapes go
// to the reference kernel.
#include <cmath>
#include <cstring>
#include <vector>

#include "backends/ref/norm_kernels.h"
#include "backends/cpu/simd.h"
#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

using namespace simd;

// A parameter that is one value, or one per channel of the last axis.
bool perChannel(const Tensor& t, int64_t channels) {
  return t.size() == 1 || (t.rank() > 0 && t.size() == channels && t.shape().back() == channels);
}

// The parameter's value for each channel.
std::vector<double> expand(const Tensor& t, int64_t channels) {
  const float* p = t.dataPtr<float>();
  std::vector<double> v(static_cast<size_t>(channels));
  for (int64_t c = 0; c < channels; ++c) v[static_cast<size_t>(c)] = p[t.size() == 1 ? 0 : c];
  return v;
}

// Inputs: x, scale, offset, mean, variance.
std::vector<Tensor> batchNormCpu(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  if (x.dtype() != DType::float32 || x.rank() == 0) return ref::batchNormKernel(c);
  const int64_t C = x.shape().back();
  for (size_t i = 1; i < 5; ++i)
    if (c.inputs[i].dtype() != DType::float32 || !perChannel(c.inputs[i], C)) return ref::batchNormKernel(c);
  double eps = c.attrs.getDouble("varianceEpsilon");
  auto scale = expand(c.inputs[1], C), offset = expand(c.inputs[2], C), mean = expand(c.inputs[3], C),
       variance = expand(c.inputs[4], C);
  std::vector<float> mul(static_cast<size_t>(C)), sub(static_cast<size_t>(C)), add(static_cast<size_t>(C));
  for (size_t k = 0; k < mul.size(); ++k) {
    mul[k] = static_cast<float>(scale[k] / std::sqrt(variance[k] + eps));
    sub[k] = static_cast<float>(mean[k]);
    add[k] = static_cast<float>(offset[k]);
  }
  Tensor out = makeTensor(x.shape(), DType::float32);
  const float* in = x.dataPtr<float>();
  float* o = out.mutableData<float>();
  int64_t rows = C == 0 ? 0 : x.size() / C;
  parallelFor(rows, 3.0 * static_cast<double>(C), [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      const float* xr = in + r * C;
      float* orow = o + r * C;
      int64_t k = 0;
      for (; k + kLanes <= C; k += kLanes)
        store(orow + k, (load(xr + k) - load(sub.data() + k)) * load(mul.data() + k) + load(add.data() + k));
      for (; k < C; ++k) orow[k] = (xr[k] - sub[static_cast<size_t>(k)]) * mul[static_cast<size_t>(k)] + add[static_cast<size_t>(k)];
    }
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("FusedBatchNorm", "cpu", batchNormCpu);

}  // namespace edgeflow::cpu
