// Reference kernels of the indexing ops: GatherV2, GatherNd, ScatterNd and UnsortedSegmentSum.
// Shapes arrive validated by the ops; index values are checked here, as TF.js's kernels do.
#include <string>

#include "backends/ref/dims.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

using Outs = std::vector<Tensor>;

std::string indexString(const int32_t* idx, int64_t k) {
  std::string s = "[";
  for (int64_t j = 0; j < k; ++j) s += (j ? "," : "") + std::to_string(idx[j]);
  return s + "]";
}

// x viewed as [batch, outer, dim, slice] and indices as [batch, n]: out[b, o, i, s] = x[b, o, idx[b, i], s].
Outs gatherV2(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Tensor& indices = c.inputs[1];
  const auto axis = static_cast<size_t>(c.attrs.getInt("axis"));
  const auto batchDims = static_cast<size_t>(c.attrs.getInt("batchDims"));
  const Shape& xs = x.shape();
  const int32_t* idx = indices.dataPtr<int32_t>();
  const int64_t dim = xs[axis];
  for (int64_t i = 0; i < indices.size(); ++i)
    if (idx[i] < 0 || idx[i] >= dim)
      throw Error("gather: the index value " + std::to_string(idx[i]) + " is not in [0, " + std::to_string(dim - 1) +
                  "] (x " + shapeToString(xs) + ", axis " + std::to_string(axis) + ")");
  const int64_t batch = dimsProduct(xs, 0, batchDims), outer = dimsProduct(xs, batchDims, axis);
  const int64_t slice = dimsProduct(xs, axis + 1, xs.size());
  const int64_t n = batch == 0 ? 0 : indices.size() / batch;
  Shape s(xs.begin(), xs.begin() + static_cast<int64_t>(axis));
  s.insert(s.end(), indices.shape().begin() + static_cast<int64_t>(batchDims), indices.shape().end());
  s.insert(s.end(), xs.begin() + static_cast<int64_t>(axis) + 1, xs.end());
  Tensor out = makeTensor(s, x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* o = out.mutableData<T>();
    for (int64_t b = 0; b < batch; ++b)
      for (int64_t r = 0; r < outer; ++r)
        for (int64_t i = 0; i < n; ++i) {
          const T* src = p + ((b * outer + r) * dim + idx[b * n + i]) * slice;
          for (int64_t k = 0; k < slice; ++k) *o++ = src[k];
        }
  });
  return {out};
}

// indices [..., K] address slices of params' first K dimensions.
Outs gatherNd(const KernelContext& c) {
  const Tensor& params = c.inputs[0];
  const Tensor& indices = c.inputs[1];
  const Shape& ps = params.shape();
  const Shape& is = indices.shape();
  const auto k = static_cast<size_t>(is.back());
  const int64_t numSlices = dimsProduct(is, 0, is.size() - 1), sliceSize = dimsProduct(ps, k, ps.size());
  Shape s(is.begin(), is.end() - 1);
  s.insert(s.end(), ps.begin() + static_cast<int64_t>(k), ps.end());
  Tensor out = makeTensor(s, params.dtype());
  const int32_t* idx = indices.dataPtr<int32_t>();
  dispatchDType(params.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = params.dataPtr<T>();
    T* o = out.mutableData<T>();
    for (int64_t i = 0; i < numSlices; ++i) {
      const int32_t* at = idx + i * static_cast<int64_t>(k);
      int64_t flat = 0;
      for (size_t j = 0; j < k; ++j) {
        if (at[j] < 0 || at[j] >= ps[j])
          throw Error("gatherND: invalid indices: " + indexString(at, static_cast<int64_t>(k)) +
                      " does not index into " + shapeToString(ps));
        flat = flat * ps[j] + at[j];
      }
      for (int64_t e = 0; e < sliceSize; ++e) o[i * sliceSize + e] = p[flat * sliceSize + e];
    }
  });
  return {out};
}

// Sums updates into zeros of `shape` at the slices the indices address (duplicates add up).
Outs scatterNd(const KernelContext& c) {
  const Tensor& indices = c.inputs[0];
  const Tensor& updates = c.inputs[1];
  const Shape& s = c.attrs.getInts("shape");
  const Shape& is = indices.shape();
  const int64_t k = is.size() > 1 ? is.back() : 1;
  const int64_t numUpdates = k == 0 ? 0 : indices.size() / k;
  const int64_t sliceSize = dimsProduct(s, static_cast<size_t>(k), s.size());
  Tensor out = makeTensor(s, updates.dtype());
  const int32_t* idx = indices.dataPtr<int32_t>();
  dispatchDType(updates.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* u = updates.dataPtr<T>();
    T* o = out.mutableData<T>();
    std::fill(o, o + out.size(), T(0));
    for (int64_t i = 0; i < numUpdates; ++i) {
      const int32_t* at = idx + i * k;
      int64_t flat = 0;
      for (int64_t j = 0; j < k; ++j) {
        if (at[j] < 0 || at[j] >= s[static_cast<size_t>(j)])
          throw Error("scatterND: invalid indices: " + indexString(at, k) + " does not index into " +
                      shapeToString(s));
        flat = flat * s[static_cast<size_t>(j)] + at[j];
      }
      T* dst = o + flat * sliceSize;
      for (int64_t e = 0; e < sliceSize; ++e) {
        if (updates.dtype() == DType::bool_) dst[e] = dst[e] || u[i * sliceSize + e];
        else dst[e] = static_cast<T>(dst[e] + u[i * sliceSize + e]);
      }
    }
  });
  return {out};
}

// out[s, ...] = sum of x[i, ...] over i with segmentIds[i] == s; ids outside [0, numSegments) drop.
Outs unsortedSegmentSum(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Tensor& ids = c.inputs[1];
  const int64_t numSegments = c.attrs.getInt("numSegments");
  Shape s{numSegments};
  s.insert(s.end(), x.shape().begin() + ids.rank(), x.shape().end());
  const int64_t n = ids.size(), inner = dimsProduct(x.shape(), static_cast<size_t>(ids.rank()), x.shape().size());
  Tensor out = makeTensor(s, x.dtype());
  const int32_t* id = ids.dataPtr<int32_t>();
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    std::vector<double> acc(static_cast<size_t>(out.size()), 0.0);
    const T* p = x.dataPtr<T>();
    for (int64_t i = 0; i < n; ++i) {
      if (id[i] < 0 || id[i] >= numSegments) continue;
      for (int64_t e = 0; e < inner; ++e) acc[static_cast<size_t>(id[i] * inner + e)] += p[i * inner + e];
    }
    T* o = out.mutableData<T>();
    for (int64_t i = 0; i < out.size(); ++i) o[i] = static_cast<T>(acc[static_cast<size_t>(i)]);
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("GatherV2", "ref", gatherV2);
EF_REGISTER_KERNEL("GatherNd", "ref", gatherNd);
EF_REGISTER_KERNEL("ScatterNd", "ref", scatterNd);
EF_REGISTER_KERNEL("UnsortedSegmentSum", "ref", unsortedSegmentSum);

}  // namespace edgeflow::ref
