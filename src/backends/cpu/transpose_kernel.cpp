// Fast Transpose for the cpu backend. The permutation is first simplified (size-1 dimensions
// dropped, input dimensions that stay adjacent merged), so NHWC<->NCHW becomes a batched 2-D
// transpose and [1,0,2]-like permutations become copies of contiguous runs. When the innermost
// dimension moves, the plane of the input's and the output's innermost dimensions is transposed
// in cache-sized tiles; elements are moved as 1- or 4-byte words, threads split the planes' rows.
#include <algorithm>
#include <cstring>

#include "edgeflow/kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

using Ints = std::vector<int64_t>;

struct TransposePlan {
  Shape shape;  // simplified input shape
  Ints perm;    // output dimension i is input dimension perm[i]
};

TransposePlan simplify(const Shape& shape, const Ints& perm) {
  // Keep dimensions of size > 1, renumbered.
  Ints newIndex(shape.size(), -1);
  Shape kept;
  for (size_t d = 0; d < shape.size(); ++d)
    if (shape[d] != 1) {
      newIndex[d] = static_cast<int64_t>(kept.size());
      kept.push_back(shape[d]);
    }
  Ints q;
  for (int64_t p : perm)
    if (newIndex[static_cast<size_t>(p)] >= 0) q.push_back(newIndex[static_cast<size_t>(p)]);
  // Runs of q that count up by one are one input dimension; group g covers input dims [start, end].
  std::vector<std::pair<int64_t, int64_t>> groups;  // in output order
  for (int64_t p : q) {
    if (!groups.empty() && groups.back().second + 1 == p) groups.back().second = p;
    else groups.emplace_back(p, p);
  }
  // Input order of the groups: by start.
  Ints order(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) order[i] = static_cast<int64_t>(i);
  std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return groups[static_cast<size_t>(a)].first < groups[static_cast<size_t>(b)].first;
  });
  TransposePlan plan;
  Ints rank(groups.size());
  for (size_t k = 0; k < order.size(); ++k) {
    auto [a, b] = groups[static_cast<size_t>(order[k])];
    int64_t n = 1;
    for (int64_t d = a; d <= b; ++d) n *= kept[static_cast<size_t>(d)];
    plan.shape.push_back(n);
    rank[static_cast<size_t>(order[k])] = static_cast<int64_t>(k);
  }
  for (size_t i = 0; i < groups.size(); ++i) plan.perm.push_back(rank[i]);
  return plan;
}

// Offsets of the input and output for flat index t over the dimensions `dims` (row-major).
struct Outer {
  Ints size, inStride, outStride;
  int64_t count = 1;
  void add(int64_t n, int64_t is, int64_t os) {
    size.push_back(n);
    inStride.push_back(is);
    outStride.push_back(os);
    count *= n;
  }
  void offsets(int64_t t, int64_t& in, int64_t& out) const {
    in = out = 0;
    for (size_t k = size.size(); k-- > 0;) {
      const int64_t i = t % size[k];
      t /= size[k];
      in += i * inStride[k];
      out += i * outStride[k];
    }
  }
};

template <class W>
void transposeWords(const W* in, W* out, const TransposePlan& plan) {
  const Shape& s = plan.shape;
  const auto r = s.size();
  const Ints inStrides = stridesOf(s);
  Shape outShape(r);
  for (size_t i = 0; i < r; ++i) outShape[i] = s[static_cast<size_t>(plan.perm[i])];
  const Ints outStridesByPos = stridesOf(outShape);
  Ints outStrides(r);  // per input dimension
  for (size_t i = 0; i < r; ++i) outStrides[static_cast<size_t>(plan.perm[i])] = outStridesByPos[i];

  const auto a = r - 1;                                  // innermost input dimension
  const auto b = static_cast<size_t>(plan.perm[r - 1]);  // becomes the innermost output dimension
  if (a == b) {
    // Contiguous runs of s[a] words move as a whole.
    Outer outer;
    for (size_t d = 0; d < a; ++d) outer.add(s[d], inStrides[d], outStrides[d]);
    const int64_t run = s[a];
    parallelFor(outer.count, static_cast<double>(run), [&](int64_t begin, int64_t end) {
      for (int64_t t = begin; t < end; ++t) {
        int64_t i, o;
        outer.offsets(t, i, o);
        std::memcpy(out + o, in + i, static_cast<size_t>(run) * sizeof(W));
      }
    });
    return;
  }
  // Tiles of the (b, a) plane. Writing contiguously (along b) and reading with a stride measured
  // faster than the reverse, notably for power-of-two strides.
  constexpr int64_t kTile = 16;
  Outer outer;
  for (size_t d = 0; d < r; ++d)
    if (d != a && d != b) outer.add(s[d], inStrides[d], outStrides[d]);
  const int64_t nb = s[b], na = s[a], inB = inStrides[b], outA = outStrides[a];
  const int64_t bTiles = (nb + kTile - 1) / kTile;
  parallelFor(outer.count * bTiles, static_cast<double>(kTile * na), [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      int64_t i0, o0;
      outer.offsets(t / bTiles, i0, o0);
      const int64_t b0 = (t % bTiles) * kTile, b1 = std::min(b0 + kTile, nb);
      for (int64_t a0 = 0; a0 < na; a0 += kTile) {
        const int64_t a1 = std::min(a0 + kTile, na);
        for (int64_t k = a0; k < a1; ++k) {
          const W* src = in + i0 + k;
          W* dst = out + o0 + k * outA;
          for (int64_t j = b0; j < b1; ++j) dst[j] = src[j * inB];
        }
      }
    }
  });
}

std::vector<Tensor> transposeKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const Ints& perm = c.attrs.getInts("perm");
  Shape outShape(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) outShape[i] = x.shape()[static_cast<size_t>(perm[i])];
  Tensor out = makeTensor(outShape, x.dtype());
  if (x.size() == 0) return {out};
  TransposePlan plan = simplify(x.shape(), perm);
  if (plan.shape.size() <= 1) {
    std::memcpy(out.mutableRawData(), x.rawData(), static_cast<size_t>(x.size()) * dtypeSize(x.dtype()));
  } else if (dtypeSize(x.dtype()) == 4) {
    transposeWords(x.dataPtr<uint32_t>(), out.mutableData<uint32_t>(), plan);
  } else {
    transposeWords(x.dataPtr<uint8_t>(), out.mutableData<uint8_t>(), plan);
  }
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("Transpose", "cpu", transposeKernel);

}  // namespace edgeflow::cpu
