// Fast Concat and Slice for the cpu backend: both move contiguous runs of bytes with memcpy,
// split over threads when large. Attributes arrive validated by the ops (see the ref kernels).
#include <cstring>

#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

// Each input is [outer, run_t] and an output row is the inputs' runs side by side.
std::vector<Tensor> concatKernel(const KernelContext& c) {
  const auto& xs = c.inputs;
  const auto axis = static_cast<size_t>(c.attrs.getInt("axis"));
  Shape s = xs[0].shape();
  s[axis] = 0;
  for (auto& t : xs) s[axis] += t.shape()[axis];
  Tensor out = makeTensor(s, xs[0].dtype());
  if (out.size() == 0) return {out};
  const size_t word = dtypeSize(out.dtype());
  int64_t outer = 1;
  for (size_t d = 0; d < axis; ++d) outer *= s[d];
  std::vector<size_t> runs, starts;  // bytes per row of each input, and its offset in an output row
  size_t row = 0;
  for (auto& t : xs) {
    runs.push_back(static_cast<size_t>(t.size() / outer) * word);
    starts.push_back(row);
    row += runs.back();
  }
  auto* o = static_cast<char*>(out.mutableRawData());
  const auto n = static_cast<int64_t>(xs.size());
  parallelFor(outer * n, static_cast<double>(row) / static_cast<double>(n), [&](int64_t begin, int64_t end) {
    for (int64_t k = begin; k < end; ++k) {
      const auto r = static_cast<size_t>(k / n), t = static_cast<size_t>(k % n);
      if (runs[t] == 0) continue;
      std::memcpy(o + r * row + starts[t], static_cast<const char*>(xs[t].rawData()) + r * runs[t], runs[t]);
    }
  });
  return {out};
}

// The innermost dimensions that the slice takes whole form, with the first partial one above
// them, one contiguous run; the dimensions above that are iterated.
std::vector<Tensor> sliceKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& begin = c.attrs.getInts("begin");
  const auto& size = c.attrs.getInts("size");
  Tensor out = makeTensor(size, x.dtype());
  if (out.size() == 0) return {out};
  const Shape& xs = x.shape();
  const size_t r = xs.size(), word = dtypeSize(x.dtype());
  const auto strides = stridesOf(xs);
  size_t k = r - 1;  // dimensions k.. form the run
  int64_t run = size[k];
  while (k > 0 && size[k] == xs[k]) {
    --k;
    run *= size[k];
  }
  int64_t count = 1, base = 0;
  for (size_t d = 0; d < r; ++d) base += begin[d] * strides[d];
  for (size_t d = 0; d < k; ++d) count *= size[d];
  const auto* in = static_cast<const char*>(x.rawData());
  auto* o = static_cast<char*>(out.mutableRawData());
  const size_t bytes = static_cast<size_t>(run) * word;
  parallelFor(count, static_cast<double>(run), [&](int64_t from, int64_t to) {
    for (int64_t t = from; t < to; ++t) {
      int64_t src = base, rest = t;
      for (size_t d = k; d-- > 0;) {
        src += (rest % size[d]) * strides[d];
        rest /= size[d];
      }
      std::memcpy(o + static_cast<size_t>(t) * bytes, in + static_cast<size_t>(src) * word, bytes);
    }
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Concat", "cpu", concatKernel);
EF_REGISTER_KERNEL("Slice", "cpu", sliceKernel);

}  // namespace edgeflow::cpu
