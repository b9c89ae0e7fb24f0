// Fast cpu Softmax over the last axis (the only axis TF.js supports): rows split over threads,
// each row in one pass for the max, one for exp and its sum, one for the division.
#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {

// Vector row helpers, defined beside the vector exp in unary_kernels.cpp.
float rowMax(const float* x, int64_t n);
float expShiftedSum(const float* x, float shift, float* out, int64_t n);
void divideRow(float* x, float d, int64_t n);

namespace {

std::vector<Tensor> softmaxCpu(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  if (x.dtype() != DType::float32 || x.rank() == 0)
    throw Error("Softmax: logits must be float32 with rank >= 1, got " + std::string(dtypeName(x.dtype())) + " " +
                shapeToString(x.shape()));
  Tensor out = makeTensor(x.shape(), DType::float32);
  int64_t n = x.shape().back();
  int64_t rows = n == 0 ? 0 : x.size() / n;
  const float* in = x.dataPtr<float>();
  float* o = out.mutableData<float>();
  parallelFor(rows, 30.0 * static_cast<double>(n), [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      const float* row = in + r * n;
      float* orow = o + r * n;
      float total = expShiftedSum(row, rowMax(row, n), orow, n);
      divideRow(orow, total, n);
    }
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Softmax", "cpu", softmaxCpu);

}  // namespace edgeflow::cpu
