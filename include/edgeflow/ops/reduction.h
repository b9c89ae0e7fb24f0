// Reductions and scans (tf.sum, tf.cumsum, ...).
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

Tensor sum(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor mean(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor max(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor min(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor prod(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor all(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor any(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor logSumExp(const Tensor& x, Axes axis = {}, bool keepDims = false);
Tensor argMax(const Tensor& x, int64_t axis = 0);
Tensor argMin(const Tensor& x, int64_t axis = 0);

struct Moments {
  Tensor mean;
  Tensor variance;
};
inline void collectTensors(const Moments& m, std::vector<Tensor>& out) {
  out.push_back(m.mean);
  out.push_back(m.variance);
}
Moments moments(const Tensor& x, Axes axis = {}, bool keepDims = false);

// ord: "euclidean", "fro", or a number (1, 2, Infinity, -Infinity, ...), as tf.norm.
Tensor norm(const Tensor& x, const std::string& ord = "euclidean", Axes axis = {}, bool keepDims = false);
Tensor norm(const Tensor& x, double ord, Axes axis = {}, bool keepDims = false);
Tensor euclideanNorm(const Tensor& x, Axes axis = {}, bool keepDims = false);

Tensor cumsum(const Tensor& x, int64_t axis = 0, bool exclusive = false, bool reverse = false);
Tensor cumprod(const Tensor& x, int64_t axis = 0, bool exclusive = false, bool reverse = false);

// Reduction helpers shared by ops and gradients.
// Normalises axes against rank (negative allowed; all when axes.all); throws naming op on bad axes.
std::vector<int64_t> parseAxes(const Axes& axes, int rank, const char* op);
// The shape with the reduced axes set to 1 (what keepDims gives).
Shape keepDimsShape(const Shape& shape, const std::vector<int64_t>& axes);

}  // namespace edgeflow
