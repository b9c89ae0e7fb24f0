// topk, unique, oneHot.
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

struct TopK {
  Tensor values;
  Tensor indices;  // int32
};
inline void collectTensors(const TopK& r, std::vector<Tensor>& out) {
  out.push_back(r.values);
  out.push_back(r.indices);
}
TopK topk(const Tensor& x, int64_t k = 1, bool sorted = true);

struct Unique {
  Tensor values;
  Tensor indices;  // int32
};
inline void collectTensors(const Unique& r, std::vector<Tensor>& out) {
  out.push_back(r.values);
  out.push_back(r.indices);
}
Unique unique(const Tensor& x, int64_t axis = 0);

Tensor oneHot(const Tensor& indices, int64_t depth, double onValue = 1, double offValue = 0,
              DType dtype = DType::int32);

}  // namespace edgeflow
