// tf.tensor and friends: tensors from host values. Not kernels: the data is written directly.
#include "edgeflow/ops/creation.h"

#include <cmath>

#include "core/dispatch.h"
#include "core/tensor_format.h"
#include "edgeflow/kernel.h"

namespace edgeflow {
namespace {

template <class V>
Tensor fromValues(const V& values, Shape shape, DType dtype) {
  int64_t n = static_cast<int64_t>(values.size());
  if (shape.empty() && n != 1) shape = {n};
  if (sizeFromShape(shape) != n)
    throw Error("tensor: based on the provided shape, " + shapeToString(shape) + ", the tensor should have " +
                std::to_string(sizeFromShape(shape)) + " values but has " + std::to_string(n));
  Tensor t = makeTensor(shape, dtype);
  dispatchDType(dtype, [&](auto zero) {
    using T = decltype(zero);
    T* out = t.mutableData<T>();
    int64_t i = 0;
    for (auto v : values) {
      double d = static_cast<double>(v);
      if (dtype == DType::bool_) {
        // TF.js: Math.round(v) !== 0 (so 0.4 is false, NaN is true).
        out[i++] = std::isnan(d) || std::floor(d + 0.5) != 0 ? 1 : 0;
      } else if constexpr (std::is_integral_v<T>) {
        out[i++] = static_cast<T>(storeAsDType(d, dtype));  // as an Int32Array/Uint8Array stores it
      } else {
        out[i++] = static_cast<T>(d);
      }
    }
  });
  return t;
}

void flattenNested(const NestedArray& a, Shape& shape, size_t depth, std::vector<double>& out,
                   const std::string& path) {
  if (a.isLeaf()) {
    if (depth != shape.size())
      throw Error("tensor: element " + path + " is a number where an array of " +
                  std::to_string(shape[depth]) + " elements was expected (ragged nested array)");
    out.push_back(a.number());
    return;
  }
  const auto& items = a.items();
  if (depth == shape.size()) {
    if (!out.empty())
      throw Error("tensor: element " + path + " is an array where a number was expected (ragged nested array)");
    shape.push_back(static_cast<int64_t>(items.size()));
  } else if (static_cast<int64_t>(items.size()) != shape[depth]) {
    throw Error("tensor: element " + path + " should have " + std::to_string(shape[depth]) +
                " elements, but has " + std::to_string(items.size()) + " elements");
  }
  for (size_t i = 0; i < items.size(); ++i)
    flattenNested(items[i], shape, depth + 1, out, path + "[" + std::to_string(i) + "]");
}

Tensor fromNested(const NestedArray& values, DType dtype, int rank, const char* fn) {
  Shape shape;
  std::vector<double> flat;
  flattenNested(values, shape, 0, flat, "arr");
  if (rank >= 0 && static_cast<int>(shape.size()) != rank)
    throw Error(std::string(fn) + ": requires a " + std::to_string(rank) + "-d nested array, got rank " +
                std::to_string(shape.size()));
  if (shape.empty()) return fromValues(flat, {}, dtype);
  return fromValues(flat, shape, dtype);
}

Tensor fromFlat(const std::vector<double>& values, const Shape& shape, DType dtype, int rank, const char* fn) {
  if (static_cast<int>(shape.size()) != rank)
    throw Error(std::string(fn) + ": shape " + shapeToString(shape) + " must have rank " + std::to_string(rank));
  return fromValues(values, shape, dtype);
}

}  // namespace

Tensor tensor(std::initializer_list<double> values, const Shape& shape, DType dtype) {
  return fromValues(values, shape, dtype);
}
Tensor tensor(const std::vector<double>& values, const Shape& shape, DType dtype) {
  return fromValues(values, shape, dtype);
}
Tensor tensor(const std::vector<float>& values, const Shape& shape, DType dtype) {
  return fromValues(values, shape, dtype);
}
Tensor tensor(const std::vector<int32_t>& values, const Shape& shape, DType dtype) {
  return fromValues(values, shape, dtype);
}
Tensor tensor(const std::vector<uint8_t>& values, const Shape& shape, DType dtype) {
  return fromValues(values, shape, dtype);
}
Tensor tensor(const std::vector<bool>& values, const Shape& shape) {
  std::vector<uint8_t> v(values.begin(), values.end());
  return fromValues(v, shape, DType::bool_);
}
Tensor tensor(const NestedArray& values, DType dtype) { return fromNested(values, dtype, -1, "tensor"); }

Tensor scalar(double value, DType dtype) { return fromValues(std::vector<double>{value}, {}, dtype); }
Tensor tensor1d(const std::vector<double>& values, DType dtype) {
  return fromValues(values, {static_cast<int64_t>(values.size())}, dtype);
}
Tensor tensor2d(const NestedArray& v, DType d) { return fromNested(v, d, 2, "tensor2d"); }
Tensor tensor3d(const NestedArray& v, DType d) { return fromNested(v, d, 3, "tensor3d"); }
Tensor tensor4d(const NestedArray& v, DType d) { return fromNested(v, d, 4, "tensor4d"); }
Tensor tensor5d(const NestedArray& v, DType d) { return fromNested(v, d, 5, "tensor5d"); }
Tensor tensor6d(const NestedArray& v, DType d) { return fromNested(v, d, 6, "tensor6d"); }
Tensor tensor2d(const std::vector<double>& v, const Shape& s, DType d) { return fromFlat(v, s, d, 2, "tensor2d"); }
Tensor tensor3d(const std::vector<double>& v, const Shape& s, DType d) { return fromFlat(v, s, d, 3, "tensor3d"); }
Tensor tensor4d(const std::vector<double>& v, const Shape& s, DType d) { return fromFlat(v, s, d, 4, "tensor4d"); }

Tensor fill(const Shape& shape, double value, DType dtype) {
  Tensor t = makeTensor(shape, dtype);
  dispatchDType(dtype, [&](auto zero) {
    using T = decltype(zero);
    // Stored as a JS typed array would (fill([2], 0.4, 'bool') is false, as in TF.js).
    double stored = storeAsDType(value, dtype);
    T v = dtype == DType::bool_ ? T(stored != 0) : static_cast<T>(stored);
    T* out = t.mutableData<T>();
    for (int64_t i = 0; i < t.size(); ++i) out[i] = v;
  });
  return t;
}
Tensor zeros(const Shape& shape, DType dtype) { return fill(shape, 0, dtype); }
Tensor ones(const Shape& shape, DType dtype) { return fill(shape, 1, dtype); }
Tensor zerosLike(const Tensor& x) { return fill(x.shape(), 0, x.dtype()); }
Tensor onesLike(const Tensor& x) { return fill(x.shape(), 1, x.dtype()); }
Tensor Tensor::zerosLike() const { return edgeflow::zerosLike(*this); }
Tensor Tensor::onesLike() const { return edgeflow::onesLike(*this); }

}  // namespace edgeflow
