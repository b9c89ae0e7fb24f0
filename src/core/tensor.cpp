// Tensor handles: metadata, data access, printing, variables and TensorBuffer.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#include "core/tensor_format.h"
#include "core/tensor_impl.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/creation.h"

namespace edgeflow {

static TensorImpl& alive(const Tensor& t) {
  if (!t.impl()) throw Error("Tensor is undefined (a default-constructed handle)");
  t.impl()->checkAlive();
  return *t.impl();
}

int64_t Tensor::id() const { return impl_ ? impl_->id : -1; }
const Shape& Tensor::shape() const {
  if (!impl_) throw Error("Tensor is undefined (a default-constructed handle)");
  return impl_->shape;
}
int64_t Tensor::size() const { return impl_ ? impl_->size : 0; }
DType Tensor::dtype() const {
  if (!impl_) throw Error("Tensor is undefined (a default-constructed handle)");
  return impl_->dtype;
}
bool Tensor::isDisposed() const { return !impl_ || impl_->disposed; }
bool Tensor::isVariable() const { return impl_ && impl_->isVariable; }

const void* Tensor::rawData() const { return alive(*this).data->ptr; }
void* Tensor::mutableRawData() const { return alive(*this).data->ptr; }

void Tensor::dispose() const { engine::disposeImpl(impl_.get()); }

// Reads element i of any dtype as double.
static inline double readAt(const void* p, DType d, int64_t i) {
  switch (d) {
    case DType::float32: return static_cast<const float*>(p)[i];
    case DType::int32: return static_cast<const int32_t*>(p)[i];
    case DType::bool_:
    case DType::uint8: return static_cast<const uint8_t*>(p)[i];
  }
  return 0;
}

template <class T>
std::vector<T> Tensor::dataSync() const {
  const TensorImpl& t = alive(*this);
  std::vector<T> out(static_cast<size_t>(t.size));
  const void* p = t.data->ptr;
  if ((std::is_same_v<T, float> && t.dtype == DType::float32) ||
      (std::is_same_v<T, int32_t> && t.dtype == DType::int32) ||
      (std::is_same_v<T, uint8_t> && (t.dtype == DType::uint8 || t.dtype == DType::bool_))) {
    if (t.size) std::memcpy(out.data(), p, static_cast<size_t>(t.size) * sizeof(T));
    return out;
  }
  for (int64_t i = 0; i < t.size; ++i) out[static_cast<size_t>(i)] = static_cast<T>(readAt(p, t.dtype, i));
  return out;
}
template std::vector<float> Tensor::dataSync<float>() const;
template std::vector<double> Tensor::dataSync<double>() const;
template std::vector<int32_t> Tensor::dataSync<int32_t>() const;
template std::vector<uint8_t> Tensor::dataSync<uint8_t>() const;
template std::vector<int64_t> Tensor::dataSync<int64_t>() const;

template <class T>
std::future<std::vector<T>> Tensor::data() const {
  std::promise<std::vector<T>> p;
  try {
    p.set_value(dataSync<T>());
  } catch (...) {
    p.set_exception(std::current_exception());
  }
  return p.get_future();
}
template std::future<std::vector<float>> Tensor::data<float>() const;
template std::future<std::vector<double>> Tensor::data<double>() const;
template std::future<std::vector<int32_t>> Tensor::data<int32_t>() const;
template std::future<std::vector<uint8_t>> Tensor::data<uint8_t>() const;

static NestedArray nest(const std::vector<double>& v, const Shape& shape, size_t dim, int64_t& pos) {
  if (dim == shape.size()) return NestedArray(v[static_cast<size_t>(pos++)]);
  std::vector<NestedArray> items;
  items.reserve(static_cast<size_t>(shape[dim]));
  for (int64_t i = 0; i < shape[dim]; ++i) items.push_back(nest(v, shape, dim + 1, pos));
  return NestedArray(std::move(items));
}

NestedArray Tensor::arraySync() const {
  auto v = dataSync<double>();
  int64_t pos = 0;
  return nest(v, shape(), 0, pos);
}

std::future<NestedArray> Tensor::array() const {
  std::promise<NestedArray> p;
  try {
    p.set_value(arraySync());
  } catch (...) {
    p.set_exception(std::current_exception());
  }
  return p.get_future();
}

std::string Tensor::toString(bool verbose) const {
  const TensorImpl& t = alive(*this);
  return formatTensor(dataSync<double>(), t.shape, t.dtype, verbose);
}

void Tensor::print(bool verbose) const { std::cout << toString(verbose) << std::endl; }

std::string NestedArray::toString() const {
  if (isLeaf()) return jsNumberToString(number());
  std::string s = "[";
  for (size_t i = 0; i < items().size(); ++i) s += (i ? ", " : "") + items()[i].toString();
  return s + "]";
}

TensorLike::TensorLike(double v) : tensor(scalar(v)) {}

// ---- Variables ----

Variable variable(const Tensor& initialValue, bool trainable, const std::string& name,
                  std::optional<DType> dtype) {
  Tensor init = initialValue;
  if (dtype && *dtype != init.dtype()) init = init.cast(*dtype);
  const TensorImpl& src = alive(init);
  static int64_t nextVariableId = 0;
  auto impl = std::make_shared<TensorImpl>(src.shape, src.dtype, src.data);  // shares the data, as TF.js
  impl->isVariable = true;
  impl->trainable = trainable;
  impl->name = name.empty() ? std::to_string(nextVariableId++) : name;
  engine::registerVariable(impl);
  return Variable(impl);
}

void Variable::assign(const Tensor& value) const {
  TensorImpl& self = alive(*this);
  const TensorImpl& v = alive(value);
  if (v.dtype != self.dtype)
    throw Error("assign to variable '" + self.name + "': dtype of the new value (" + dtypeName(v.dtype) +
                ") and previous value (" + dtypeName(self.dtype) + ") must match");
  if (v.shape != self.shape)
    throw Error("assign to variable '" + self.name + "': shape of the new value " + shapeToString(v.shape) +
                " and previous value " + shapeToString(self.shape) + " must match");
  self.data = v.data;
}

const std::string& Variable::name() const { return alive(*this).name; }
bool Variable::trainable() const { return alive(*this).trainable; }
void Variable::setTrainable(bool t) const { alive(*this).trainable = t; }

// ---- TensorBuffer ----

TensorBuffer::TensorBuffer(Shape shape, DType dtype)
    : shape_(std::move(shape)), dtype_(dtype), values_(static_cast<size_t>(sizeFromShape(shape_)), 0.0) {}

TensorBuffer buffer(const Shape& shape, DType dtype) { return TensorBuffer(shape, dtype); }

int64_t TensorBuffer::locToIndex(const std::vector<int64_t>& loc) const {
  if (loc.size() != shape_.size())
    throw Error("TensorBuffer: the number of provided coordinates (" + std::to_string(loc.size()) +
                ") must match the rank (" + std::to_string(shape_.size()) + ")");
  int64_t index = 0;
  for (size_t i = 0; i < loc.size(); ++i) {
    if (loc[i] < 0 || loc[i] >= shape_[i])
      throw Error("TensorBuffer: index " + std::to_string(loc[i]) + " out of range for dimension " +
                  std::to_string(i) + " of shape " + shapeToString(shape_));
    index = index * shape_[i] + loc[i];
  }
  return index;
}

std::vector<int64_t> TensorBuffer::indexToLoc(int64_t index) const {
  std::vector<int64_t> loc(shape_.size());
  for (size_t i = shape_.size(); i-- > 0;) {
    loc[i] = index % shape_[i];
    index /= shape_[i];
  }
  return loc;
}

void TensorBuffer::set(double value, const std::vector<int64_t>& loc) {
  values_[static_cast<size_t>(locToIndex(loc))] = storeAsDType(value, dtype_);
}
double TensorBuffer::get(const std::vector<int64_t>& loc) const {
  return values_[static_cast<size_t>(locToIndex(loc))];
}
Tensor TensorBuffer::toTensor() const { return tensor(values_, shape_, dtype_); }

}  // namespace edgeflow
