// Creating tensors (tf.tensor, tf.zeros, tf.range, ...).
#pragma once
#include <initializer_list>

#include "edgeflow/tensor.h"

namespace edgeflow {

// An empty shape means [values.size()]. Values are converted to dtype.
Tensor tensor(std::initializer_list<double> values, const Shape& shape = {}, DType dtype = DType::float32);
Tensor tensor(const std::vector<double>& values, const Shape& shape = {}, DType dtype = DType::float32);
Tensor tensor(const std::vector<float>& values, const Shape& shape = {}, DType dtype = DType::float32);
Tensor tensor(const std::vector<int32_t>& values, const Shape& shape = {}, DType dtype = DType::int32);
Tensor tensor(const std::vector<uint8_t>& values, const Shape& shape = {}, DType dtype = DType::uint8);
Tensor tensor(const std::vector<bool>& values, const Shape& shape = {});
// A nested array; throws if ragged.
Tensor tensor(const NestedArray& values, DType dtype = DType::float32);
Tensor scalar(double value, DType dtype = DType::float32);
Tensor tensor1d(const std::vector<double>& values, DType dtype = DType::float32);
Tensor tensor2d(const NestedArray& values, DType dtype = DType::float32);
Tensor tensor3d(const NestedArray& values, DType dtype = DType::float32);
Tensor tensor4d(const NestedArray& values, DType dtype = DType::float32);
Tensor tensor5d(const NestedArray& values, DType dtype = DType::float32);
Tensor tensor6d(const NestedArray& values, DType dtype = DType::float32);
// Flat values with an explicit shape whose rank must be N.
Tensor tensor2d(const std::vector<double>& values, const Shape& shape, DType dtype = DType::float32);
Tensor tensor3d(const std::vector<double>& values, const Shape& shape, DType dtype = DType::float32);
Tensor tensor4d(const std::vector<double>& values, const Shape& shape, DType dtype = DType::float32);

Tensor zeros(const Shape& shape, DType dtype = DType::float32);
Tensor ones(const Shape& shape, DType dtype = DType::float32);
Tensor zerosLike(const Tensor& x);
Tensor onesLike(const Tensor& x);
Tensor fill(const Shape& shape, double value, DType dtype = DType::float32);
Tensor eye(int64_t numRows, int64_t numColumns = -1, const Shape& batchShape = {},
           DType dtype = DType::float32);
Tensor range(double start, double stop, double step = 1, DType dtype = DType::float32);
Tensor linspace(double start, double stop, int64_t num);
Tensor clone(const Tensor& x);

}  // namespace edgeflow
