// tf.linspace (kernel LinSpace): num values from start to stop, each the previous float32 value
// plus (stop - start) / (num - 1), as TF.js accumulates them.
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"

namespace edgeflow {

Tensor linspace(double start, double stop, int64_t num) {
  if (num <= 0) throw Error("linspace: the number of values should be positive, got num " + std::to_string(num));
  return runKernel1("LinSpace", {}, Attrs{{"start", start}, {"stop", stop}, {"num", num}});
}

EF_REGISTER_KERNEL("LinSpace", "ref", [](const KernelContext& c) {
  double start = c.attrs.getDouble("start"), stop = c.attrs.getDouble("stop");
  int64_t num = c.attrs.getInt("num");
  double step = (stop - start) / static_cast<double>(num - 1);
  Tensor out = makeTensor({num}, DType::float32);
  float* p = out.mutableData<float>();
  p[0] = static_cast<float>(start);
  for (int64_t i = 1; i < num; ++i) p[i] = static_cast<float>(static_cast<double>(p[i - 1]) + step);
  return std::vector<Tensor>{out};
});

}  // namespace edgeflow
