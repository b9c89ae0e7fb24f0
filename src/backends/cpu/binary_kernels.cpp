// Fast cpu kernels of the hot element-wise binary ops for float32 (and int32 where the result is
// exactly TF.js's); other dtypes go to the reference kernel.
#include "backends/cpu/binary_kernels.h"

#include <cstdint>

#include "edgeflow/ops/binary.h"

namespace edgeflow::cpu {
namespace {

struct AddOp {
  static constexpr bool kInt32 = true;
  float operator()(float x, float y) const { return x + y; }
  int32_t operator()(int32_t x, int32_t y) const { return static_cast<int32_t>(uint32_t(x) + uint32_t(y)); }
};
struct SubOp {
  static constexpr bool kInt32 = true;
  float operator()(float x, float y) const { return x - y; }
  int32_t operator()(int32_t x, int32_t y) const { return static_cast<int32_t>(uint32_t(x) - uint32_t(y)); }
};
// int32 products above 2^53 round in TF.js's double arithmetic, so int32 stays on ref.
struct MulOp {
  static constexpr bool kInt32 = false;
  float operator()(float x, float y) const { return x * y; }
};
struct DivOp {
  static constexpr bool kInt32 = false;
  float operator()(float x, float y) const { return x / y; }
};
// NaN-propagating like Math.max/Math.min, written as compare-and-select so it vectorises.
struct MaxOp {
  static constexpr bool kInt32 = true;
  float operator()(float x, float y) const { return (x > y || x != x) ? x : y; }
  int32_t operator()(int32_t x, int32_t y) const { return x > y ? x : y; }
};
struct MinOp {
  static constexpr bool kInt32 = true;
  float operator()(float x, float y) const { return (x < y || x != x) ? x : y; }
  int32_t operator()(int32_t x, int32_t y) const { return x < y ? x : y; }
};
// In double, as TF.js, so the square is rounded once.
struct SquaredDifferenceOp {
  static constexpr bool kInt32 = false;
  float operator()(float x, float y) const {
    double d = static_cast<double>(x) - static_cast<double>(y);
    return static_cast<float>(d * d);
  }
};

template <class Op>
KernelFunc fastKernel(const char* name) {
  return [name](const KernelContext& c) {
    const Tensor& a = c.inputs[0];
    const Tensor& b = c.inputs[1];
    DType t = a.dtype();
    bool fast = b.dtype() == t && (t == DType::float32 || (Op::kInt32 && t == DType::int32));
    if (!fast) return ref::binaryKernel(name)(c);
    Shape os = broadcastShapes(a.shape(), b.shape(), name);
    Tensor out = makeTensor(os, t);
    if (t == DType::float32) {
      binaryLoop(a.dataPtr<float>(), a.shape(), b.dataPtr<float>(), b.shape(), out.mutableData<float>(), os, Op{});
    } else if constexpr (Op::kInt32) {
      binaryLoop(a.dataPtr<int32_t>(), a.shape(), b.dataPtr<int32_t>(), b.shape(), out.mutableData<int32_t>(), os,
                 Op{});
    }
    return std::vector<Tensor>{out};
  };
}

}  // namespace

EF_REGISTER_KERNEL("Add", "cpu", fastKernel<AddOp>("Add"));
EF_REGISTER_KERNEL("Sub", "cpu", fastKernel<SubOp>("Sub"));
EF_REGISTER_KERNEL("Multiply", "cpu", fastKernel<MulOp>("Multiply"));
EF_REGISTER_KERNEL("RealDiv", "cpu", fastKernel<DivOp>("RealDiv"));
EF_REGISTER_KERNEL("Maximum", "cpu", fastKernel<MaxOp>("Maximum"));
EF_REGISTER_KERNEL("Minimum", "cpu", fastKernel<MinOp>("Minimum"));
EF_REGISTER_KERNEL("SquaredDifference", "cpu", fastKernel<SquaredDifferenceOp>("SquaredDifference"));

}  // namespace edgeflow::cpu
