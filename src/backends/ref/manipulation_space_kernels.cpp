// Reference kernels moving data between batch, space and depth: DepthToSpace (NHWC),
// SpaceToBatchND and BatchToSpaceND. Attributes arrive validated by the ops.
#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

using Ints = std::vector<int64_t>;
using Outs = std::vector<Tensor>;

// out[b, h, w, d] = x[b, h / bs, w / bs, ((h % bs) * bs + w % bs) * outDepth + d].
Outs depthToSpace(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const int64_t bs = c.attrs.getInt("blockSize");
  const Shape& xs = x.shape();
  const int64_t batch = xs[0], h = xs[1], w = xs[2], depth = xs[3], outDepth = depth / (bs * bs);
  Tensor out = makeTensor({batch, h * bs, w * bs, outDepth}, x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* o = out.mutableData<T>();
    for (int64_t b = 0; b < batch; ++b)
      for (int64_t oh = 0; oh < h * bs; ++oh)
        for (int64_t ow = 0; ow < w * bs; ++ow) {
          const int64_t d0 = ((oh % bs) * bs + ow % bs) * outDepth;
          const T* src = p + ((b * h + oh / bs) * w + ow / bs) * depth + d0;
          for (int64_t d = 0; d < outDepth; ++d) *o++ = src[d];
        }
  });
  return {out};
}

// Pairs up the two sides of SpaceToBatchND/BatchToSpaceND. The batch side is
// [blocks * batch, spatial..., rest...], its batch index = block offset (row-major over
// blockShape) * batch + original batch; spatial position = index * block + offset - before on the
// space side [batch, Spatial..., rest...]. Calls visit(spaceIndex, batchIndex, n) for each run of
// n = prod(rest) elements in batch-side order, spaceIndex -1 where it falls in padding or crops.
template <class V>
void forEachBlocked(const Shape& batchSide, const Shape& spaceSide, const Ints& block, const Ints& before, V visit) {
  const size_t m = block.size();
  const int64_t batch = spaceSide[0];
  int64_t inner = 1;
  for (size_t i = m + 1; i < spaceSide.size(); ++i) inner *= spaceSide[i];
  const auto spaceStrides = stridesOf(spaceSide);
  Ints loc(m + 1, 0);  // [batch index, spatial indices] of the batch side
  int64_t rows = inner == 0 ? 0 : 1;
  for (size_t i = 0; i <= m; ++i) rows *= batchSide[i];
  for (int64_t r = 0; r < rows; ++r) {
    // Split the batch-side batch index into block offsets and the original batch.
    int64_t rest = loc[0] / batch;
    const int64_t b = loc[0] % batch;
    int64_t src = b * spaceStrides[0];
    bool inside = true;
    for (size_t k = m; k-- > 0;) {
      const int64_t off = rest % block[k];
      rest /= block[k];
      const int64_t pos = loc[k + 1] * block[k] + off - before[k];
      if (pos < 0 || pos >= spaceSide[k + 1]) inside = false;
      src += pos * spaceStrides[k + 1];
    }
    visit(inside ? src : -1, r * inner, inner);
    for (size_t d = m + 1; d-- > 0;) {
      if (++loc[d] < batchSide[d]) break;
      loc[d] = 0;
    }
  }
}

Outs spaceToBatchND(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Ints& block = c.attrs.getInts("blockShape");
  const Ints& pads = c.attrs.getInts("paddings");
  const Shape& xs = x.shape();
  int64_t prod = 1;
  for (int64_t b : block) prod *= b;
  Shape s = xs;
  Ints before(block.size());
  s[0] = xs[0] * prod;
  for (size_t k = 0; k < block.size(); ++k) {
    before[k] = pads[2 * k];
    s[k + 1] = (xs[k + 1] + pads[2 * k] + pads[2 * k + 1]) / block[k];
  }
  Tensor out = makeTensor(s, x.dtype());
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* o = out.mutableData<T>();
    forEachBlocked(s, xs, block, before, [&](int64_t src, int64_t dst, int64_t n) {
      for (int64_t e = 0; e < n; ++e) o[dst + e] = src < 0 ? T(0) : p[src + e];
    });
  });
  return {out};
}

Outs batchToSpaceND(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Ints& block = c.attrs.getInts("blockShape");
  const Ints& crops = c.attrs.getInts("crops");
  const Shape& xs = x.shape();
  int64_t prod = 1;
  for (int64_t b : block) prod *= b;
  Shape s = xs;
  Ints before(block.size());
  s[0] = xs[0] / prod;
  for (size_t k = 0; k < block.size(); ++k) {
    before[k] = crops[2 * k];
    s[k + 1] = xs[k + 1] * block[k] - crops[2 * k] - crops[2 * k + 1];
  }
  Tensor out = makeTensor(s, x.dtype());
  // The space side is the output; batch-side elements that land in the crops are skipped.
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* p = x.dataPtr<T>();
    T* o = out.mutableData<T>();
    forEachBlocked(xs, s, block, before, [&](int64_t dst, int64_t src, int64_t n) {
      if (dst >= 0)
        for (int64_t e = 0; e < n; ++e) o[dst + e] = p[src + e];
    });
  });
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("DepthToSpace", "ref", depthToSpace);
EF_REGISTER_KERNEL("SpaceToBatchND", "ref", spaceToBatchND);
EF_REGISTER_KERNEL("BatchToSpaceND", "ref", batchToSpaceND);

}  // namespace edgeflow::ref
