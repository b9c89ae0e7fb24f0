// Broadcasting element loops for reference kernels. Internal.
#pragma once
#include <vector>

#include "edgeflow/types.h"

namespace edgeflow::ref {

// Maps a flat index of `out` to the flat index of an input of shape `in` broadcast to it.
class BroadcastIndex {
 public:
  BroadcastIndex(const Shape& in, const Shape& out) : outShape_(out), strides_(out.size(), 0) {
    auto inStrides = stridesOf(in);
    size_t lead = out.size() - in.size();
    for (size_t i = 0; i < in.size(); ++i)
      strides_[lead + i] = in[i] == 1 ? 0 : inStrides[i];
    identity_ = in == out;
  }
  int64_t operator()(int64_t flat) const {
    if (identity_) return flat;
    int64_t idx = 0;
    for (size_t i = outShape_.size(); i-- > 0;) {
      int64_t d = outShape_[i];
      idx += (flat % d) * strides_[i];
      flat /= d;
    }
    return idx;
  }

 private:
  Shape outShape_;
  std::vector<int64_t> strides_;
  bool identity_ = false;
};

// out[i] = f(a[ia], b[ib]) over the broadcast shape.
template <class A, class B, class O, class F>
void binaryBroadcast(const A* a, const Shape& as, const B* b, const Shape& bs, O* out, const Shape& os, F f) {
  int64_t n = sizeFromShape(os);
  if (as == os && bs == os) {
    for (int64_t i = 0; i < n; ++i) out[i] = f(a[i], b[i]);
    return;
  }
  BroadcastIndex ia(as, os), ib(bs, os);
  for (int64_t i = 0; i < n; ++i) out[i] = f(a[ia(i)], b[ib(i)]);
}

}  // namespace edgeflow::ref
