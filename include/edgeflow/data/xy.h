// {xs, ys}: the element type for supervised data (TF.js's `{xs, ys}` objects).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "edgeflow/engine.h"
#include "edgeflow/tensor.h"

namespace edgeflow::data {

template <class X, class Y = X>
struct XY {
  X xs;
  Y ys;
};
// Lets `XY{a, b}` deduce its types (aggregate deduction is missing from older clang, e.g. wasm's).
template <class X, class Y>
XY(X, Y) -> XY<X, Y>;

template <class X, class Y>
bool operator==(const XY<X, Y>& a, const XY<X, Y>& b) {
  return a.xs == b.xs && a.ys == b.ys;
}

using TensorMap = std::map<std::string, Tensor>;
// One (or a batch of) training example(s), what model.fitDataset() consumes.
using Example = XY<Tensor>;

template <class X, class Y>
void collectTensors(const XY<X, Y>& e, std::vector<Tensor>& out) {
  using edgeflow::collectTensors;
  collectTensors(e.xs, out);
  collectTensors(e.ys, out);
}

}  // namespace edgeflow::data
