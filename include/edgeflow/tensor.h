// Tensor: an immutable, reference-counted handle to an n-d array, as in TF.js.
//
// Handles are RAII: when the last handle to a tensor goes away the tensor is disposed, so
// forgetting dispose() never leaks. dispose() and tidy() free the data early, exactly as in
// TF.js; a handle to a disposed tensor throws "Tensor is disposed" when used.
#pragma once
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "edgeflow/types.h"

namespace edgeflow {

class TensorImpl;
class Tensor;

// A nested array of numbers, what arraySync() returns and tensor() accepts.
struct NestedArray {
  std::variant<double, std::vector<NestedArray>> value;
  NestedArray(double v = 0) : value(v) {}
  NestedArray(std::vector<NestedArray> v) : value(std::move(v)) {}
  NestedArray(std::initializer_list<NestedArray> v) : value(std::vector<NestedArray>(v)) {}
  bool isLeaf() const { return value.index() == 0; }
  double number() const { return std::get<double>(value); }
  const std::vector<NestedArray>& items() const { return std::get<1>(value); }
  std::string toString() const;
};

// Axes for reductions: none given = all axes. Negative axes count from the end.
struct Axes {
  std::vector<int64_t> axes;
  bool all = true;
  Axes() = default;
  Axes(int axis) : axes{axis}, all(false) {}
  Axes(int64_t axis) : axes{axis}, all(false) {}
  Axes(std::initializer_list<int64_t> a) : axes(a), all(false) {}
  Axes(std::vector<int64_t> a) : axes(std::move(a)), all(false) {}
};

// Where TF.js accepts a number in place of a tensor (tf.add(x, 2)).
struct TensorLike;

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  int64_t id() const;
  const Shape& shape() const;
  int rank() const { return static_cast<int>(shape().size()); }
  int64_t size() const;
  DType dtype() const;
  bool isDisposed() const;
  bool isVariable() const;

  // Data access. dataSync<T>() converts element values to T (float, double, int32_t, uint8_t).
  template <class T = float>
  std::vector<T> dataSync() const;
  template <class T = float>
  std::future<std::vector<T>> data() const;  // async, for the JS bindings' Promise-based API
  NestedArray arraySync() const;
  std::future<NestedArray> array() const;
  std::string toString(bool verbose = false) const;
  void print(bool verbose = false) const;

  // Raw element access for kernels. Throws if disposed.
  const void* rawData() const;
  template <class T>
  const T* dataPtr() const {
    return static_cast<const T*>(rawData());
  }
  // Only for kernels writing a tensor they just allocated.
  void* mutableRawData() const;
  template <class T>
  T* mutableData() const {
    return static_cast<T*>(mutableRawData());
  }

  void dispose() const;
  Tensor clone() const;

  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& implPtr() const { return impl_; }

  // Chained op methods, as in TF.js (x.add(y).relu()). Each is defined beside its op.
#include "edgeflow/tensor_methods.inc"

 protected:
  std::shared_ptr<TensorImpl> impl_;
};

struct TensorLike {
  Tensor tensor;
  TensorLike(const Tensor& t) : tensor(t) {}
  TensorLike(double v);
  TensorLike(float v) : TensorLike(static_cast<double>(v)) {}
  TensorLike(int v) : TensorLike(static_cast<double>(v)) {}
  operator const Tensor&() const { return tensor; }
};

// A mutable tensor whose value survives tidy() and can be trained.
class Variable : public Tensor {
 public:
  Variable() = default;
  explicit Variable(std::shared_ptr<TensorImpl> impl) : Tensor(std::move(impl)) {}
  // Replaces the value; shape and dtype must match.
  void assign(const Tensor& value) const;
  const std::string& name() const;
  bool trainable() const;
  void setTrainable(bool trainable) const;
};

// tf.variable(initialValue, trainable = true, name?, dtype?). Names must be unique while alive.
Variable variable(const Tensor& initialValue, bool trainable = true, const std::string& name = "",
                  std::optional<DType> dtype = std::nullopt);

// A mutable buffer that becomes a tensor (tf.buffer).
class TensorBuffer {
 public:
  TensorBuffer(Shape shape, DType dtype = DType::float32);
  const Shape& shape() const { return shape_; }
  DType dtype() const { return dtype_; }
  int64_t size() const { return static_cast<int64_t>(values_.size()); }
  void set(double value, const std::vector<int64_t>& loc);
  double get(const std::vector<int64_t>& loc) const;
  int64_t locToIndex(const std::vector<int64_t>& loc) const;
  std::vector<int64_t> indexToLoc(int64_t index) const;
  std::vector<double>& values() { return values_; }
  Tensor toTensor() const;

 private:
  Shape shape_;
  DType dtype_;
  std::vector<double> values_;
};
TensorBuffer buffer(const Shape& shape, DType dtype = DType::float32);

}  // namespace edgeflow
