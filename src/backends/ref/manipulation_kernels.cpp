// Reference kernels of the shape ops: ExpandDims, Concat, Pack, Unpack, SplitV, Slice,
// StridedSlice, Tile, PadV2, MirrorPad, Reverse, Transpose. Attributes arrive validated and
// normalised by the ops (non-negative axes, resolved sizes, paddings flattened [before, after]*).
#include <cmath>

#include "backends/ref/dims.h"
#include "backends/ref/strided_copy.h"
#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "ops/slice_util.h"

namespace edgeflow::ref {
namespace {

using Ints = std::vector<int64_t>;
using Outs = std::vector<Tensor>;

// A constant as the dtype stores it (like writing it into TF.js's typed array; bool as 0/1).
template <class T>
T constantAs(double v, DType dtype) {
  if (dtype == DType::bool_) return static_cast<T>(v != 0 && !std::isnan(v));
  if constexpr (std::is_integral_v<T>) return std::isfinite(v) ? static_cast<T>(static_cast<int64_t>(v)) : T(0);
  return static_cast<T>(v);
}

// Element-wise copy of x's data into a new tensor of another shape.
Tensor copyAs(const Tensor& x, const Shape& shape, auto&& fill) {
  Tensor out = makeTensor(shape, x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    fill(x.dataPtr<T>(), out.mutableData<T>());
  });
  return out;
}

Outs expandDims(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  Shape s = x.shape();
  int64_t dim = c.attrs.getInt("dim");
  if (dim < 0) dim += static_cast<int64_t>(s.size()) + 1;
  s.insert(s.begin() + dim, 1);
  return {makeTensorSharingData(x, s)};
}

// Concat and Pack: every input is [outer, run_t] and the output row is the runs side by side.
Tensor joinRows(const std::vector<Tensor>& xs, const Shape& outShape, size_t axis) {
  const int64_t outer = dimsProduct(outShape, 0, axis);
  std::vector<int64_t> runs;
  int64_t row = 0;
  for (auto& t : xs) {
    runs.push_back(outer == 0 ? 0 : t.size() / outer);
    row += runs.back();
  }
  Tensor out = makeTensor(outShape, xs[0].dtype());
  dispatchDType(out.dtype(), [&](auto zero) {
    using T = decltype(zero);
    T* o = out.mutableData<T>();
    for (int64_t r = 0; r < outer; ++r) {
      int64_t at = r * row;
      for (size_t t = 0; t < xs.size(); ++t) {
        const T* p = xs[t].dataPtr<T>() + r * runs[t];
        for (int64_t k = 0; k < runs[t]; ++k) o[at + k] = p[k];
        at += runs[t];
      }
    }
  });
  return out;
}

Outs concat(const KernelContext& c) {
  auto axis = static_cast<size_t>(c.attrs.getInt("axis"));
  Shape s = c.inputs[0].shape();
  s[axis] = 0;
  for (auto& t : c.inputs) s[axis] += t.shape()[axis];
  return {joinRows(c.inputs, s, axis)};
}

Outs pack(const KernelContext& c) {
  auto axis = static_cast<size_t>(c.attrs.getInt("axis"));
  Shape s = c.inputs[0].shape();
  s.insert(s.begin() + static_cast<int64_t>(axis), static_cast<int64_t>(c.inputs.size()));
  return {joinRows(c.inputs, s, axis)};
}

// x viewed as [outer, dim, inner]: each output takes a range of dim.
Outs splitRanges(const Tensor& x, size_t axis, const Ints& sizes, bool dropAxis) {
  const Shape& xs = x.shape();
  const int64_t outer = dimsProduct(xs, 0, axis), dim = xs[axis], inner = dimsProduct(xs, axis + 1, xs.size());
  Outs outs;
  int64_t start = 0;
  for (int64_t n : sizes) {
    Shape s = xs;
    if (dropAxis) s.erase(s.begin() + static_cast<int64_t>(axis));
    else s[axis] = n;
    outs.push_back(copyAs(x, s, [&](const auto* p, auto* o) {
      for (int64_t r = 0; r < outer; ++r)
        for (int64_t k = 0; k < n * inner; ++k) o[r * n * inner + k] = p[(r * dim + start) * inner + k];
    }));
    start += n;
  }
  return outs;
}

Outs unpack(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  auto axis = static_cast<size_t>(c.attrs.getInt("axis"));
  return splitRanges(x, axis, Ints(static_cast<size_t>(x.shape()[axis]), 1), true);
}

Outs splitV(const KernelContext& c) {
  return splitRanges(c.inputs[0], static_cast<size_t>(c.attrs.getInt("axis")), c.attrs.getInts("numOrSizeSplits"),
                     false);
}

// out[loc] = x[begin + loc * step] for a view of `size` given per input dimension; the result
// has outShape (the same number of elements).
Tensor stridedView(const Tensor& x, const Ints& begin, const Ints& step, const Shape& size, const Shape& outShape) {
  auto xStrides = stridesOf(x.shape());
  int64_t offset = 0;
  Ints strides(size.size());
  for (size_t d = 0; d < size.size(); ++d) {
    offset += begin[d] * xStrides[d];
    strides[d] = step[d] * xStrides[d];
  }
  return copyAs(x, outShape, [&](const auto* p, auto* o) { stridedCopy(p, offset, strides, size, o); });
}

Outs slice(const KernelContext& c) {
  const Shape& size = c.attrs.getInts("size");
  return {stridedView(c.inputs[0], c.attrs.getInts("begin"), Ints(size.size(), 1), size, size)};
}

Outs stridedSlice(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Attrs& a = c.attrs;
  StridedSliceArgs args{a.getInts("begin"),       a.getInts("end"),          a.getInts("strides"),
                        a.getInt("beginMask"),    a.getInt("endMask"),       a.getInt("ellipsisMask"),
                        a.getInt("newAxisMask"),  a.getInt("shrinkAxisMask")};
  auto info = resolveStridedSlice(x.shape(), args);
  return {stridedView(x, info.begin, info.strides, info.size, info.finalShape)};
}

Outs reverse(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Shape& s = x.shape();
  Ints begin(s.size(), 0), step(s.size(), 1);
  for (int64_t d : c.attrs.getInts("dims")) {
    begin[static_cast<size_t>(d)] = std::max<int64_t>(s[static_cast<size_t>(d)] - 1, 0);
    step[static_cast<size_t>(d)] = -1;
  }
  return {stridedView(x, begin, step, s, s)};
}

Outs transpose(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Ints& perm = c.attrs.getInts("perm");
  auto xStrides = stridesOf(x.shape());
  Shape s(perm.size());
  Ints strides(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    s[i] = x.shape()[static_cast<size_t>(perm[i])];
    strides[i] = xStrides[static_cast<size_t>(perm[i])];
  }
  return {copyAs(x, s, [&](const auto* p, auto* o) { stridedCopy(p, 0, strides, s, o); })};
}

Outs tile(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Ints& reps = c.attrs.getInts("reps");
  const Shape& xs = x.shape();
  Shape s(xs.size());
  for (size_t d = 0; d < xs.size(); ++d) s[d] = xs[d] * reps[d];
  auto xStrides = stridesOf(xs);
  return {copyAs(x, s, [&](const auto* p, auto* o) {
    Ints loc(s.size(), 0);
    for (int64_t i = 0, n = sizeFromShape(s); i < n; ++i) {
      int64_t src = 0;
      for (size_t d = 0; d < s.size(); ++d) src += (loc[d] % xs[d]) * xStrides[d];
      o[i] = p[src];
      for (size_t d = s.size(); d-- > 0;) {
        if (++loc[d] < s[d]) break;
        loc[d] = 0;
      }
    }
  })};
}

Shape paddedShape(const Shape& xs, const Ints& pads) {
  Shape s(xs.size());
  for (size_t d = 0; d < xs.size(); ++d) s[d] = pads[2 * d] + xs[d] + pads[2 * d + 1];
  return s;
}

Outs padV2(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Ints& pads = c.attrs.getInts("paddings");
  Shape s = paddedShape(x.shape(), pads);
  auto outStrides = stridesOf(s);
  int64_t offset = 0;
  for (size_t d = 0; d < s.size(); ++d) offset += pads[2 * d] * outStrides[d];
  double value = c.attrs.getDouble("constantValue");
  return {copyAs(x, s, [&](const auto* p, auto* o) {
    using T = std::remove_const_t<std::remove_pointer_t<decltype(p)>>;
    std::fill(o, o + sizeFromShape(s), constantAs<T>(value, x.dtype()));
    stridedWrite(p, x.shape(), o, offset, outStrides);
  })};
}

// reflect mirrors about the edge element, symmetric repeats it.
Outs mirrorPad(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Shape& xs = x.shape();
  const Ints& pads = c.attrs.getInts("paddings");
  const int64_t offset = c.attrs.getString("mode") == "reflect" ? 0 : 1;
  Shape s = paddedShape(xs, pads);
  auto xStrides = stridesOf(xs);
  return {copyAs(x, s, [&](const auto* p, auto* o) {
    Ints loc(s.size(), 0);
    for (int64_t i = 0, n = sizeFromShape(s); i < n; ++i) {
      int64_t src = 0;
      for (size_t d = 0; d < s.size(); ++d) {
        int64_t k = loc[d] - pads[2 * d];
        if (k < 0) k = -k - offset;
        else if (k >= xs[d]) k = 2 * (xs[d] - 1) - k + offset;
        src += k * xStrides[d];
      }
      o[i] = p[src];
      for (size_t d = s.size(); d-- > 0;) {
        if (++loc[d] < s[d]) break;
        loc[d] = 0;
      }
    }
  })};
}

}  // namespace

EF_REGISTER_KERNEL("ExpandDims", "ref", expandDims);
EF_REGISTER_KERNEL("Concat", "ref", concat);
EF_REGISTER_KERNEL("Pack", "ref", pack);
EF_REGISTER_KERNEL("Unpack", "ref", unpack);
EF_REGISTER_KERNEL("SplitV", "ref", splitV);
EF_REGISTER_KERNEL("Slice", "ref", slice);
EF_REGISTER_KERNEL("StridedSlice", "ref", stridedSlice);
EF_REGISTER_KERNEL("Reverse", "ref", reverse);
EF_REGISTER_KERNEL("Transpose", "ref", transpose);
EF_REGISTER_KERNEL("Tile", "ref", tile);
EF_REGISTER_KERNEL("PadV2", "ref", padV2);
EF_REGISTER_KERNEL("MirrorPad", "ref", mirrorPad);

}  // namespace edgeflow::ref
