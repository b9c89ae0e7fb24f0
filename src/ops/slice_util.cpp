#include "ops/slice_util.h"

#include <algorithm>
#include <string>

namespace edgeflow {
namespace {

std::string list(const std::vector<int64_t>& v) { return shapeToString(v); }
bool bit(int64_t mask, size_t i) { return i < 63 && ((mask >> i) & 1) != 0; }

}  // namespace

SliceParams resolveSlice(const Shape& shape, std::vector<int64_t> begin, std::vector<int64_t> size) {
  const size_t rank = shape.size();
  if (rank == 0) throw Error("slice: slicing a scalar is not possible");
  if (begin.size() > rank)
    throw Error("slice: length of begin " + list(begin) + " must match the rank of x " + shapeToString(shape));
  if (size.size() > rank)
    throw Error("slice: length of size " + list(size) + " must match the rank of x " + shapeToString(shape));
  begin.resize(rank, 0);
  size.resize(rank, -1);
  for (size_t i = 0; i < rank; ++i) {
    if (begin[i] < 0)
      throw Error("slice: negative begin " + list(begin) + " is not supported (x " + shapeToString(shape) + ")");
    if (size[i] == -1) {
      size[i] = shape[i] - begin[i];
    } else if (size[i] < 0) {
      throw Error("slice: negative size values should be exactly -1 but got " + std::to_string(size[i]) +
                  " at index " + std::to_string(i));
    }
    if (size[i] < 0 || begin[i] + size[i] > shape[i])
      throw Error("slice: begin[" + std::to_string(i) + "] + size[" + std::to_string(i) + "] (" +
                  std::to_string(begin[i] + size[i]) + ") would overflow x.shape[" + std::to_string(i) + "] (" +
                  shapeToString(shape) + ")");
  }
  return {std::move(begin), std::move(size)};
}

StridedSliceInfo resolveStridedSlice(const Shape& shape, const StridedSliceArgs& a) {
  const std::string op = "stridedSlice: ";
  if (a.end.size() != a.begin.size() || a.strides.size() != a.begin.size())
    throw Error(op + "begin " + list(a.begin) + ", end " + list(a.end) + " and strides " + list(a.strides) +
                " must have the same length");
  if (a.ellipsisMask & (a.ellipsisMask - 1)) throw Error(op + "multiple ellipses in slice is not allowed");

  // The sparse spec: one entry per begin/end/strides element, plus an implicit trailing ellipsis.
  size_t sparseDims = a.begin.size();
  int64_t ellipsisMask = a.ellipsisMask;
  int64_t newAxesAfterEllipsis = 0;
  bool ellipsisSeen = false;
  for (size_t i = 0; i < sparseDims; ++i) {
    if (ellipsisSeen && bit(a.newAxisMask, i)) ++newAxesAfterEllipsis;
    if (bit(ellipsisMask, i)) ellipsisSeen = true;
  }
  if (!ellipsisSeen) ellipsisMask |= int64_t{1} << sparseDims++;

  // The dense spec: one entry per input dimension. finalDims lists, per output dimension before
  // shrinking, the input dimension it comes from, kNewAxis or kShrink.
  constexpr int64_t kNewAxis = -2, kShrink = -1;
  const int64_t rank = static_cast<int64_t>(shape.size());
  std::vector<int64_t> begin(rank, 0), end(rank, 0), strides(rank, 1);
  std::vector<char> beginMasked(rank, 0), endMasked(rank, 0), shrink(rank, 0);
  std::vector<int64_t> finalDims;
  int64_t full = 0;
  for (size_t i = 0; i < sparseDims; ++i) {
    if (bit(ellipsisMask, i)) {
      int64_t next = std::min(rank - static_cast<int64_t>(sparseDims - i) + 1 + newAxesAfterEllipsis, rank);
      for (; full < next; ++full) {
        beginMasked[full] = endMasked[full] = 1;
        finalDims.push_back(full);
      }
    } else if (bit(a.newAxisMask, i)) {
      finalDims.push_back(kNewAxis);
    } else {
      if (full == rank)
        throw Error(op + "index out of range using input dim " + std::to_string(full) + "; x " +
                    shapeToString(shape) + " has only " + std::to_string(rank) + " dims");
      begin[full] = a.begin[i];
      end[full] = a.end[i];
      strides[full] = a.strides[i];
      beginMasked[full] = bit(a.beginMask, i);
      endMasked[full] = bit(a.endMask, i);
      shrink[full] = bit(a.shrinkAxisMask, i);
      finalDims.push_back(shrink[full] ? kShrink : full);
      ++full;
    }
  }

  StridedSliceInfo info;
  info.size.resize(rank);
  for (int64_t d = 0; d < rank; ++d) {
    const int64_t dim = shape[d], s = strides[d];
    if (s == 0) throw Error(op + "strides[" + std::to_string(d) + "] must be non-zero, got " + list(a.strides));
    if (shrink[d]) {
      if (s < 0) throw Error(op + "only stride 1 allowed on non-range indexing (shrinkAxisMask)");
      int64_t b = begin[d] < 0 ? dim + begin[d] : begin[d];
      if (b < 0 || b >= dim)
        throw Error(op + "slice index " + std::to_string(begin[d]) + " of dimension " + std::to_string(d) +
                    " is out of bounds for x " + shapeToString(shape));
      begin[d] = b;
      end[d] = b + 1;
    } else {
      // Masked ends take the whole range in the stride's direction; others wrap once and clamp.
      const int64_t lo = s > 0 ? 0 : -1, hi = s > 0 ? dim : dim - 1;
      auto canonical = [&](int64_t v, bool masked, bool isEnd) {
        if (masked) return (s > 0) == isEnd ? hi : lo;
        int64_t fwd = v < 0 ? dim + v : v;
        return std::clamp(fwd, lo, hi);
      };
      begin[d] = canonical(begin[d], beginMasked[d], false);
      end[d] = canonical(end[d], endMasked[d], true);
    }
    const int64_t interval = end[d] - begin[d];
    int64_t n = 0;
    if (interval != 0 && (interval < 0) == (s < 0)) n = interval / s + (interval % s != 0 ? 1 : 0);
    info.size[d] = n;
  }
  for (int64_t g : finalDims) {
    if (g >= 0) info.finalShape.push_back(info.size[g]);
    else if (g == kNewAxis) info.finalShape.push_back(1);
  }
  info.begin = std::move(begin);
  info.strides = std::move(strides);
  return info;
}

std::vector<int64_t> flattenPairs(const std::vector<std::pair<int64_t, int64_t>>& pairs) {
  std::vector<int64_t> flat;
  for (auto& [a, b] : pairs) {
    flat.push_back(a);
    flat.push_back(b);
  }
  return flat;
}

std::vector<std::pair<int64_t, int64_t>> pairsOf(const std::vector<int64_t>& flat) {
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) pairs.emplace_back(flat[i], flat[i + 1]);
  return pairs;
}

}  // namespace edgeflow
