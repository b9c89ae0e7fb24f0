// Reference kernels of comparisons (bool results), logical ops on bool tensors, and Select.
#include "backends/ref/broadcast.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"

namespace edgeflow::ref {
namespace {

// out (bool) = f(a, b) over the broadcast shape; inputs share a dtype, compared as doubles.
template <class F>
KernelFunc boolKernel(F f) {
  return [f](const KernelContext& c) {
    const Tensor& a = c.inputs[0];
    const Tensor& b = c.inputs[1];
    Shape os = broadcastShapes(a.shape(), b.shape(), "comparison kernel");
    Tensor out = makeTensor(os, DType::bool_);
    dispatchDType(a.dtype(), [&](auto zero) {
      using T = decltype(zero);
      binaryBroadcast(a.dataPtr<T>(), a.shape(), b.dataPtr<T>(), b.shape(), out.mutableData<uint8_t>(), os,
                      [&](T x, T y) { return uint8_t(f(static_cast<double>(x), static_cast<double>(y)) ? 1 : 0); });
    });
    return std::vector<Tensor>{out};
  };
}

std::vector<Tensor> logicalNot(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  Tensor out = makeTensor(x.shape(), DType::bool_);
  uint8_t* o = out.mutableData<uint8_t>();
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    for (int64_t i = 0; i < x.size(); ++i) o[i] = p[i] == T(0) ? 1 : 0;
  });
  return {out};
}

// condition ? t : e with all three broadcast to a common shape; t and e share a dtype. Like
// TF.js, only a condition element equal to 1 selects t.
std::vector<Tensor> select(const KernelContext& c) {
  const Tensor& cond = c.inputs[0];
  const Tensor& t = c.inputs[1];
  const Tensor& e = c.inputs[2];
  if (t.dtype() != e.dtype())
    throw Error(std::string("Select: t and e must have the same dtype, got ") + dtypeName(t.dtype()) + " and " +
                dtypeName(e.dtype()));
  Shape os = broadcastShapes(broadcastShapes(cond.shape(), t.shape(), "where"), e.shape(), "where");
  Tensor out = makeTensor(os, t.dtype());
  BroadcastIndex ic(cond.shape(), os), it(t.shape(), os), ie(e.shape(), os);
  dispatchDType(cond.dtype(), [&](auto zc) {
    using C = decltype(zc);
    const C* pc = cond.dataPtr<C>();
    dispatchDType(t.dtype(), [&](auto zv) {
      using V = decltype(zv);
      const V* pt = t.dataPtr<V>();
      const V* pe = e.dataPtr<V>();
      V* o = out.mutableData<V>();
      for (int64_t i = 0; i < out.size(); ++i) o[i] = pc[ic(i)] == C(1) ? pt[it(i)] : pe[ie(i)];
    });
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Equal", "ref", boolKernel([](double x, double y) { return x == y; }));
EF_REGISTER_KERNEL("NotEqual", "ref", boolKernel([](double x, double y) { return x != y; }));
EF_REGISTER_KERNEL("Less", "ref", boolKernel([](double x, double y) { return x < y; }));
EF_REGISTER_KERNEL("LessEqual", "ref", boolKernel([](double x, double y) { return x <= y; }));
EF_REGISTER_KERNEL("Greater", "ref", boolKernel([](double x, double y) { return x > y; }));
EF_REGISTER_KERNEL("GreaterEqual", "ref", boolKernel([](double x, double y) { return x >= y; }));
EF_REGISTER_KERNEL("LogicalAnd", "ref", boolKernel([](double x, double y) { return x != 0 && y != 0; }));
EF_REGISTER_KERNEL("LogicalOr", "ref", boolKernel([](double x, double y) { return x != 0 || y != 0; }));
EF_REGISTER_KERNEL("LogicalNot", "ref", logicalNot);
EF_REGISTER_KERNEL("Select", "ref", select);

}  // namespace edgeflow::ref
