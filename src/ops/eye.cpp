// tf.eye: an identity matrix, optionally repeated over a batch shape. No kernel, as in TF.js.
#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"

namespace edgeflow {

Tensor eye(int64_t numRows, int64_t numColumns, const Shape& batchShape, DType dtype) {
  if (numColumns == -1) numColumns = numRows;
  if (numRows < 0 || numColumns < 0)
    throw Error("eye: numRows and numColumns must be non-negative, got " + std::to_string(numRows) + " and " +
                std::to_string(numColumns));
  if (batchShape.size() > 3)
    throw Error("eye: batchShape may have at most 3 dimensions, got " + shapeToString(batchShape));
  for (int64_t d : batchShape)
    if (d < 0) throw Error("eye: batchShape must be non-negative, got " + shapeToString(batchShape));
  Shape shape = batchShape;
  shape.push_back(numRows);
  shape.push_back(numColumns);
  Tensor t = makeTensor(shape, dtype);
  int64_t matrix = numRows * numColumns, n = std::min(numRows, numColumns);
  dispatchDType(dtype, [&](auto zero) {
    using T = decltype(zero);
    T* p = t.mutableData<T>();
    std::fill(p, p + t.size(), T(0));
    for (int64_t b = 0; matrix > 0 && b < t.size() / matrix; ++b)
      for (int64_t i = 0; i < n; ++i) p[b * matrix + i * numColumns + i] = T(1);
  });
  return t;
}

}  // namespace edgeflow
