// tf.gather (kernel GatherV2) along an axis, with batch dimensions; indices are int32 and out of
// range values are errors (checked by the kernels, as in TF.js).
#include <numeric>

#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "ops/op_utils.h"
#include "ops/segment_sum.h"

namespace edgeflow {

Tensor gather(const Tensor& x, const Tensor& indices, int64_t axis, int64_t batchDims) {
  assertDType(indices, {DType::int32}, "gather", "indices");
  const int64_t ax = normalizeAxis(axis, x.rank(), "gather");
  if (x.rank() == 0) throw Error("gather: x must have rank >= 1, got a scalar");
  const int64_t iRank = indices.rank();
  if (batchDims < -iRank || batchDims > iRank)
    throw Error("gather: expect batchDims in the range of [-" + std::to_string(iRank) + ", " + std::to_string(iRank) +
                "], but got " + std::to_string(batchDims));
  if (batchDims < 0) batchDims += iRank;
  if (batchDims > x.rank())
    throw Error("gather: batchDims (" + std::to_string(batchDims) + ") must be less than rank(x) (" +
                std::to_string(x.rank()) + ")");
  if (ax < batchDims)
    throw Error("gather: batchDims (" + std::to_string(batchDims) + ") must be less than or equal to axis (" +
                std::to_string(ax) + ")");
  for (int64_t i = 0; i < batchDims; ++i)
    if (x.shape()[static_cast<size_t>(i)] != indices.shape()[static_cast<size_t>(i)])
      throw Error("gather: x.shape[" + std::to_string(i) + "] should be equal to indices.shape[" + std::to_string(i) +
                  "]: x " + shapeToString(x.shape()) + " vs indices " + shapeToString(indices.shape()));
  return runKernel1("GatherV2", {x, indices}, Attrs{{"axis", ax}, {"batchDims", batchDims}});
}
Tensor Tensor::gather(const Tensor& indices, int64_t axis, int64_t batchDims) const {
  return edgeflow::gather(*this, indices, axis, batchDims);
}

namespace {

std::vector<int64_t> iota(int64_t from, int64_t to) {
  std::vector<int64_t> v(static_cast<size_t>(std::max<int64_t>(to - from, 0)));
  std::iota(v.begin(), v.end(), from);
  return v;
}

// d gather(x, indices, axis) / dx without batch dimensions: move the gathered axis to the front,
// sum the rows of dy into the rows they were read from, move it back.
Tensor gatherGrad(const Shape& xs, const Tensor& indices, const Tensor& dy, int64_t axis) {
  const auto a = static_cast<size_t>(axis);
  Shape outer(xs.begin(), xs.begin() + axis), inner(xs.begin() + axis + 1, xs.end());
  Shape valuesShape = outer;
  valuesShape.push_back(indices.size());
  valuesShape.insert(valuesShape.end(), inner.begin(), inner.end());
  std::vector<int64_t> perm{axis};
  for (int64_t i : iota(0, axis)) perm.push_back(i);
  for (int64_t i : iota(axis + 1, static_cast<int64_t>(xs.size()))) perm.push_back(i);
  Tensor values = transpose(reshape(dy, valuesShape), perm);
  Tensor summed = internal::unsortedSegmentSum(values, reshape(indices, {indices.size()}), xs[a]);
  std::vector<int64_t> undo(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) undo[static_cast<size_t>(perm[i])] = static_cast<int64_t>(i);
  return transpose(summed, undo);
}

}  // namespace

// With batch dimensions each batch element is its own gather (TF.js handles batchDims 1 so;
// this generalises it by flattening the batch dimensions).
EF_REGISTER_GRADIENT("GatherV2", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& indices = g.inputs[1];
  const Tensor& dy = g.dys[0];
  const int64_t axis = g.attrs.getInt("axis"), batchDims = g.attrs.getInt("batchDims");
  const Shape& xs = x.shape();
  if (batchDims == 0) return std::vector<Tensor>{gatherGrad(xs, indices, dy, axis), Tensor()};
  int64_t batch = 1;
  for (int64_t i = 0; i < batchDims; ++i) batch *= xs[static_cast<size_t>(i)];
  if (batch == 0) return std::vector<Tensor>{zeros(xs), Tensor()};
  Shape i1{batch}, dy1{batch};
  i1.insert(i1.end(), indices.shape().begin() + batchDims, indices.shape().end());
  dy1.insert(dy1.end(), dy.shape().begin() + batchDims, dy.shape().end());
  Shape xb(xs.begin() + batchDims, xs.end());
  Tensor ib = reshape(indices, i1), dyb = reshape(dy, dy1);
  std::vector<Tensor> parts;
  for (int64_t b = 0; b < batch; ++b) {
    Tensor idx = reshape(slice(ib, {b}, {1}), Shape(i1.begin() + 1, i1.end()));
    Tensor d = reshape(slice(dyb, {b}, {1}), Shape(dy1.begin() + 1, dy1.end()));
    parts.push_back(gatherGrad(xb, idx, d, axis - batchDims));
  }
  return std::vector<Tensor>{reshape(stack(parts), xs), Tensor()};
});

}  // namespace edgeflow
