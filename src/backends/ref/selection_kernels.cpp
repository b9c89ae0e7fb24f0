// Reference kernels of TopK, Unique and OneHot.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <type_traits>

#include "backends/ref/reduce.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

struct Ranked {
  double value;
  int32_t index;
};

// TF.js's comparison, JavaScript arithmetic included: negative when a ranks first (larger value,
// or equal value and lower index). Equal infinities give NaN (Inf - Inf), as there.
double compareRanked(const Ranked& a, const Ranked& b) {
  double d = b.value - a.value;
  return d == 0 ? static_cast<double>(a.index - b.index) : d;
}

// The order of the final sort. It agrees with compareRanked wherever that is consistent and,
// like JavaScript's stable sort, keeps equal infinities in the order they come. NaN (which TF.js
// leaves to the sort's whims) ranks first, so that the order stays a strict weak one.
bool ranksBefore(const Ranked& a, const Ranked& b) {
  bool an = std::isnan(a.value), bn = std::isnan(b.value);
  if (an || bn) return an && !bn;
  if (a.value != b.value) return a.value > b.value;
  return std::isfinite(a.value) && a.index < b.index;
}

void selectRanked(std::vector<Ranked>& a, int64_t k, int64_t left, int64_t right) {
  auto at = [&](int64_t i) -> Ranked& { return a[static_cast<size_t>(i)]; };
  while (right > left) {
    if (right - left > 600) {
      double n = static_cast<double>(right - left + 1), i = static_cast<double>(k - left + 1);
      double z = std::log(n), s = 0.5 * std::exp(2 * z / 3);
      double d = i - n / 2, sign = d > 0 ? 1 : d < 0 ? -1 : 0;
      double sd = 0.5 * std::sqrt(z * s * (n - s) / n) * sign;
      auto lo = static_cast<int64_t>(std::floor(static_cast<double>(k) - i * s / n + sd));
      auto hi = static_cast<int64_t>(std::floor(static_cast<double>(k) + (n - i) * s / n + sd));
      selectRanked(a, k, std::max(left, lo), std::min(right, hi));
    }
    Ranked t = at(k);
    int64_t i = left, j = right;
    std::swap(at(left), at(k));
    if (compareRanked(at(right), t) > 0) std::swap(at(left), at(right));
    while (i < j) {
      std::swap(at(i), at(j));
      ++i;
      --j;
      // The bounds only matter for NaN, whose comparisons TF.js lets run off the ends.
      while (i < right && compareRanked(at(i), t) < 0) ++i;
      while (j > left && compareRanked(at(j), t) > 0) --j;
    }
    if (compareRanked(at(left), t) == 0) {
      std::swap(at(left), at(j));
    } else {
      ++j;
      std::swap(at(j), at(right));
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

std::vector<Tensor> topKKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  int64_t k = c.attrs.getInt("k");
  bool sorted = c.attrs.getBool("sorted");
  Shape outShape = x.shape();
  int64_t n = outShape.back();
  outShape.back() = k;
  Tensor values = makeTensor(outShape, x.dtype()), indices = makeTensor(outShape, DType::int32);
  int64_t batch = n == 0 ? 0 : x.size() / n;
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* ov = values.mutableData<T>();
    int32_t* oi = indices.mutableData<int32_t>();
    std::vector<Ranked> row(static_cast<size_t>(n));
    for (int64_t b = 0; b < batch; ++b) {
      for (int64_t i = 0; i < n; ++i) row[static_cast<size_t>(i)] = {static_cast<double>(p[b * n + i]), static_cast<int32_t>(i)};
      if (k < n) selectRanked(row, k, 0, n - 1);
      if (sorted) std::stable_sort(row.begin(), row.begin() + k, ranksBefore);
      for (int64_t i = 0; i < k; ++i) {
        ov[b * k + i] = static_cast<T>(row[static_cast<size_t>(i)].value);
        oi[b * k + i] = row[static_cast<size_t>(i)].index;
      }
    }
  });
  return {values, indices};
}

// Slices along the axis are equal when all their elements are equal, with NaN equal to NaN and
// -0 to 0 (TF.js compares their string forms).
uint64_t uniqueKey(double v) {
  if (std::isnan(v)) return 0x7ff8000000000000ull;
  if (v == 0) v = 0;
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits;
}

std::vector<Tensor> uniqueKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  int64_t axis = c.attrs.getInt("axis");
  AxisSplit s(x.shape(), axis);
  Tensor indices = makeTensor({s.n}, DType::int32);
  int32_t* oi = indices.mutableData<int32_t>();
  std::vector<int64_t> firsts;  // position along the axis of each unique slice
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    std::map<std::vector<uint64_t>, int32_t> seen;
    std::vector<uint64_t> key(static_cast<size_t>(s.outer * s.inner));
    for (int64_t k = 0; k < s.n; ++k) {
      for (int64_t a = 0; a < s.outer; ++a)
        for (int64_t b = 0; b < s.inner; ++b)
          key[static_cast<size_t>(a * s.inner + b)] = uniqueKey(static_cast<double>(p[s.index(a, k, b)]));
      auto [it, inserted] = seen.emplace(key, static_cast<int32_t>(firsts.size()));
      if (inserted) firsts.push_back(k);
      oi[k] = it->second;
    }
  });
  Shape outShape = x.shape();
  outShape[static_cast<size_t>(axis)] = static_cast<int64_t>(firsts.size());
  Tensor values = makeTensor(outShape, x.dtype());
  int64_t m = static_cast<int64_t>(firsts.size());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* ov = values.mutableData<T>();
    for (int64_t a = 0; a < s.outer; ++a)
      for (int64_t u = 0; u < m; ++u)
        for (int64_t b = 0; b < s.inner; ++b) ov[(a * m + u) * s.inner + b] = p[s.index(a, firsts[static_cast<size_t>(u)], b)];
  });
  return {values, indices};
}

std::vector<Tensor> oneHotKernel(const KernelContext& c) {
  const Tensor& ind = c.inputs[0];
  int64_t depth = c.attrs.getInt("depth");
  DType dtype = c.attrs.getDType("dtype");
  // TF.js fills a Float32Array, then stores it in the output dtype.
  auto onF = static_cast<float>(c.attrs.getDouble("onValue")), offF = static_cast<float>(c.attrs.getDouble("offValue"));
  Shape outShape = ind.shape();
  outShape.push_back(depth);
  Tensor out = makeTensor(outShape, dtype);
  const int32_t* p = ind.dataPtr<int32_t>();
  dispatchDType(dtype, [&](auto zero) {
    using T = decltype(zero);
    auto conv = [&](float v) -> T {
      if (dtype == DType::bool_) return static_cast<T>(v != 0);
      if constexpr (std::is_integral_v<T>) return std::isfinite(v) ? static_cast<T>(static_cast<int64_t>(v)) : T(0);
      return static_cast<T>(v);
    };
    T on = conv(onF), off = conv(offF);
    T* o = out.mutableData<T>();
    for (int64_t i = 0; i < ind.size(); ++i)
      for (int64_t d = 0; d < depth; ++d) o[i * depth + d] = p[i] == d ? on : off;
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("TopK", "ref", topKKernel);
EF_REGISTER_KERNEL("Unique", "ref", uniqueKernel);
EF_REGISTER_KERNEL("OneHot", "ref", oneHotKernel);

}  // namespace edgeflow::ref
