// tf.range (kernel Range): start, start + step, ... up to stop (exclusive), with TF.js's quirks:
// a step of 1 flips to -1 when stop < start, and each value is the previous one (as stored in
// the output's dtype) plus step.
#include <cmath>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "ops/random/alea.h"

namespace edgeflow {

Tensor range(double start, double stop, double step, DType dtype) {
  if (step == 0) throw Error("range: cannot have a step of zero (start " + std::to_string(start) + ", stop " +
                             std::to_string(stop) + ")");
  if (dtype != DType::float32 && dtype != DType::int32)
    throw Error(std::string("range: dtype must be float32 or int32, got ") + dtypeName(dtype));
  return runKernel1("Range", {}, Attrs{{"start", start}, {"stop", stop}, {"step", step}, {"dtype", dtype}});
}

EF_REGISTER_KERNEL("Range", "ref", [](const KernelContext& c) {
  double start = c.attrs.getDouble("start"), stop = c.attrs.getDouble("stop"), step = c.attrs.getDouble("step");
  DType dtype = c.attrs.getDType("dtype");
  bool empty = start == stop || (start < stop && step < 0) || (stop < start && step > 1);
  double count = empty ? 0 : std::fabs(std::ceil((stop - start) / step));
  if (std::isnan(count)) count = 0;  // a NaN argument: TF.js makes an empty array
  if (count > 2147483647.0)
    throw Error("range: too many values (" + std::to_string(count) + ") from start " + std::to_string(start) +
                ", stop " + std::to_string(stop) + ", step " + std::to_string(step));
  int64_t n = static_cast<int64_t>(count);
  if (stop < start && step == 1) step = -1;
  Tensor out = makeTensor({n}, dtype);
  if (n == 0) return std::vector<Tensor>{out};
  if (dtype == DType::int32) {
    int32_t* p = out.mutableData<int32_t>();
    p[0] = random::toInt32(start);
    for (int64_t i = 1; i < n; ++i) p[i] = random::toInt32(p[i - 1] + step);
  } else {
    float* p = out.mutableData<float>();
    p[0] = static_cast<float>(start);
    for (int64_t i = 1; i < n; ++i) p[i] = static_cast<float>(p[i - 1] + step);
  }
  return std::vector<Tensor>{out};
});

}  // namespace edgeflow
