// Fast cpu kernels for the common float32 reductions: Sum, Mean and Max over one contiguous block
// of axes (the innermost axes, the leading axes, all elements, or a middle block). Sums
// accumulate in double lanes, so they stay within float32 rounding of TF.js's double sums; the
// independent lanes let the compiler vectorise. Large inputs are split over threads, along the
// reduced axes too when there are few outputs. Other dtypes and axis patterns use the generic
// reductions of backends/ref/reduce.h.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "backends/ref/reduce.h"
#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

constexpr int64_t kAccumulators = 16;          // independent accumulators per run
constexpr int64_t kColumnChunk = 512;   // columns per task when reducing leading axes
constexpr int64_t kMinSegment = 4096;   // fewest elements per task along the reduced axes
constexpr double kParallelWork = 1 << 16;

// ---- One run (reduction over contiguous elements) ----

double sumRun(const float* p, int64_t n) {
  double acc[kAccumulators] = {};
  int64_t i = 0;
  for (; i + kAccumulators <= n; i += kAccumulators)
    for (int64_t j = 0; j < kAccumulators; ++j) acc[j] += static_cast<double>(p[i + j]);
  double s = 0;
  for (int64_t j = 0; j < kAccumulators; ++j) s += acc[j];
  for (; i < n; ++i) s += static_cast<double>(p[i]);
  return s;
}

// TF.js's rule: the first element, replaced by NaN or anything larger. n > 0.
float maxStrided(const float* p, int64_t n, int64_t stride) {
  float m = p[0];
  for (int64_t i = 1; i < n; ++i) {
    float v = p[i * stride];
    if (std::isnan(v) || v > m) m = v;
  }
  return m;
}

// 16 floats: one AVX-512 register natively, four v128 in wasm. Only used for local values (no
// vector arguments, which would depend on the target's ABI).
typedef float F32x16 __attribute__((vector_size(64)));
constexpr int64_t kVec = 16;

// n > 0. The vector loop ignores NaN, so a probe (x - x is NaN for NaN and ±Inf) sends the rare
// runs with non-finite values to the exact loop. (Plain loops here are left scalar by GCC.)
float maxRun(const float* p, int64_t n) {
  if (n < 2 * kVec) return maxStrided(p, n, 1);
  F32x16 a0, a1, v0, v1, probe0 = {}, probe1 = {};
  std::memcpy(&a0, p, sizeof a0);
  a1 = a0;
  int64_t i = 0;
  for (; i + 2 * kVec <= n; i += 2 * kVec) {
    std::memcpy(&v0, p + i, sizeof v0);
    std::memcpy(&v1, p + i + kVec, sizeof v1);
    a0 = v0 > a0 ? v0 : a0;
    a1 = v1 > a1 ? v1 : a1;
    probe0 += v0 - v0;
    probe1 += v1 - v1;
  }
  a0 = a1 > a0 ? a1 : a0;
  probe0 += probe1;
  float m = a0[0], pr = 0;
  for (int64_t j = 0; j < kVec; ++j) {
    m = a0[j] > m ? a0[j] : m;
    pr += probe0[j];
  }
  for (; i < n; ++i) {
    m = p[i] > m ? p[i] : m;
    pr += p[i] - p[i];
  }
  return std::isnan(pr) ? maxStrided(p, n, 1) : m;
}

// ---- Columns (reduction over rows of `inner` elements, columns [c0, c1)) ----

void sumColumns(const float* p, int64_t rows, int64_t inner, int64_t c0, int64_t c1, double* acc) {
  for (int64_t c = c0; c < c1; ++c) acc[c - c0] = 0;
  for (int64_t k = 0; k < rows; ++k) {
    const float* row = p + k * inner;
    for (int64_t c = c0; c < c1; ++c) acc[c - c0] += static_cast<double>(row[c]);
  }
}

// rows > 0.
void maxColumns(const float* p, int64_t rows, int64_t inner, int64_t c0, int64_t c1, float* acc) {
  int64_t w = c1 - c0;
  std::vector<float> probe(static_cast<size_t>(w));
  for (int64_t c = 0; c < w; ++c) {
    acc[c] = p[c0 + c];
    probe[static_cast<size_t>(c)] = acc[c] - acc[c];
  }
  float* pr = probe.data();
  for (int64_t k = 1; k < rows; ++k) {
    const float* row = p + k * inner + c0;
    for (int64_t c = 0; c < w; ++c) {
      float v = row[c];
      acc[c] = v > acc[c] ? v : acc[c];
      pr[c] += v - v;
    }
  }
  for (int64_t c = 0; c < w; ++c)
    if (std::isnan(pr[c])) acc[c] = maxStrided(p + c0 + c, rows, inner);
}

// ---- Splitting [outer, r, inner] into tasks (output block, segment of r, column chunk) ----

struct ReducePlan {
  int64_t outer, r, inner;
  int64_t chunk, chunks;  // columns per task, tasks across the columns
  int64_t segLen, segs;   // rows of r per task, tasks along r
  int64_t tasks() const { return outer * segs * chunks; }
};

ReducePlan makePlan(const ref::ContiguousReduce& cr) {
  ReducePlan p{cr.outer, cr.r, cr.inner, 1, 1, cr.r, 1};
  if (p.inner > 1) {
    p.chunk = std::min(p.inner, kColumnChunk);
    p.chunks = (p.inner + p.chunk - 1) / p.chunk;
  }
  int64_t wanted = 4 * numThreads(), base = p.outer * p.chunks;
  double work = static_cast<double>(p.outer) * static_cast<double>(p.r) * static_cast<double>(p.inner);
  if (base < wanted && work >= kParallelWork && p.r > 0) {
    int64_t rowsPerSeg = std::max<int64_t>(1, kMinSegment / std::max<int64_t>(1, p.chunk));
    int64_t segs = std::min((wanted + base - 1) / base, (p.r + rowsPerSeg - 1) / rowsPerSeg);
    p.segLen = (p.r + segs - 1) / segs;
    p.segs = (p.r + p.segLen - 1) / p.segLen;
  }
  return p;
}

// Runs task(o, rowBegin, rows, c0, c1, slot) for every task; slot indexes the task's partial
// results, (o * segs + s) * inner + c0 onwards.
template <class Task>
void runPlan(const ReducePlan& p, Task task) {
  parallelFor(p.tasks(), static_cast<double>(p.segLen * p.chunk), [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      int64_t ch = t % p.chunks, s = (t / p.chunks) % p.segs, o = t / (p.chunks * p.segs);
      int64_t r0 = s * p.segLen, rows = std::min(p.segLen, p.r - r0);
      int64_t c0 = ch * p.chunk, c1 = std::min(p.inner, c0 + p.chunk);
      task(o, r0, rows, c0, c1, (o * p.segs + s) * p.inner + c0);
    }
  });
}

// out[o * inner + c] = (sum over r of x[o, r, c]) / divisor.
void sumInto(const float* x, const ReducePlan& p, double divisor, float* out) {
  std::vector<double> partial(static_cast<size_t>(p.outer * p.segs * p.inner), 0.0);
  double* part = partial.data();
  runPlan(p, [&](int64_t o, int64_t r0, int64_t rows, int64_t c0, int64_t c1, int64_t slot) {
    const float* base = x + (o * p.r + r0) * p.inner;
    if (p.inner == 1) part[slot] = sumRun(base, rows);
    else sumColumns(base, rows, p.inner, c0, c1, part + slot);
  });
  parallelFor(p.outer, static_cast<double>(p.segs * p.inner), [&](int64_t begin, int64_t end) {
    for (int64_t o = begin; o < end; ++o)
      for (int64_t c = 0; c < p.inner; ++c) {
        double s = 0;
        for (int64_t k = 0; k < p.segs; ++k) s += part[(o * p.segs + k) * p.inner + c];
        out[o * p.inner + c] = static_cast<float>(s / divisor);
      }
  });
}

// out[o * inner + c] = max over r of x[o, r, c]; NaN if r == 0 (as TF.js) or any is NaN.
void maxInto(const float* x, const ReducePlan& p, float* out) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  if (p.r == 0) {
    std::fill(out, out + p.outer * p.inner, nan);
    return;
  }
  std::vector<float> partial(static_cast<size_t>(p.outer * p.segs * p.inner));
  float* part = partial.data();
  runPlan(p, [&](int64_t o, int64_t r0, int64_t rows, int64_t c0, int64_t c1, int64_t slot) {
    const float* base = x + (o * p.r + r0) * p.inner;
    if (p.inner == 1) part[slot] = maxRun(base, rows);
    else maxColumns(base, rows, p.inner, c0, c1, part + slot);
  });
  for (int64_t o = 0; o < p.outer; ++o)
    for (int64_t c = 0; c < p.inner; ++c)
      out[o * p.inner + c] = maxStrided(part + o * p.segs * p.inner + c, p.segs, p.inner);
}

// ---- Kernels ----

std::vector<Tensor> sumKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& axes = c.attrs.getInts("axis");
  bool keepDims = c.attrs.getBool("keepDims");
  ref::ContiguousReduce cr(x.shape(), axes);
  if (x.dtype() != DType::float32 || !cr.ok) return {ref::sumReduce(x, axes, keepDims)};
  Tensor out = makeTensor(ref::reducedOutShape(x.shape(), axes, keepDims), DType::float32);
  sumInto(x.dataPtr<float>(), makePlan(cr), 1.0, out.mutableData<float>());
  return {out};
}

// An empty group gives 0, as TF.js (a sum of nothing).
std::vector<Tensor> meanKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& axes = c.attrs.getInts("axis");
  bool keepDims = c.attrs.getBool("keepDims");
  ref::ContiguousReduce cr(x.shape(), axes);
  if (x.dtype() != DType::float32 || !cr.ok) return {ref::meanReduce(x, axes, keepDims)};
  Tensor out = makeTensor(ref::reducedOutShape(x.shape(), axes, keepDims), DType::float32);
  sumInto(x.dataPtr<float>(), makePlan(cr), cr.r == 0 ? 1.0 : static_cast<double>(cr.r), out.mutableData<float>());
  return {out};
}

std::vector<Tensor> maxKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& axes = c.attrs.getInts("reductionIndices");
  bool keepDims = c.attrs.getBool("keepDims");
  ref::ContiguousReduce cr(x.shape(), axes);
  if (x.dtype() != DType::float32 || !cr.ok) return {ref::extremumReduce<true>(x, axes, keepDims)};
  Tensor out = makeTensor(ref::reducedOutShape(x.shape(), axes, keepDims), DType::float32);
  maxInto(x.dataPtr<float>(), makePlan(cr), out.mutableData<float>());
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Sum", "cpu", sumKernel);
EF_REGISTER_KERNEL("Mean", "cpu", meanKernel);
EF_REGISTER_KERNEL("Max", "cpu", maxKernel);

}  // namespace edgeflow::cpu
