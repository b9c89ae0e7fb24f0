// How Dataset.batch() turns a list of elements into one batched element (TF.js's
// deepBatchConcat): tensors are stacked along a new first axis, numbers and (nested) vectors of
// numbers become one tensor, and containers (maps, {xs, ys}, pairs, tuples, vectors of tensors,
// CSV rows) are batched field by field. BatchTraits<T> is specialised per element type; an element
// type without one cannot be batched (a compile error naming BatchTraits<T>).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "edgeflow/data/cell.h"
#include "edgeflow/data/xy.h"
#include "edgeflow/tensor.h"

namespace edgeflow::data {

template <class T>
struct BatchTraits;  // static type concat(const std::vector<const T*>& rows, const std::string& path)

template <class T>
using Batched = typename BatchTraits<T>::type;

// Batches rows (at least one). `path` names the field in error messages ("" at the top).
template <class T>
Batched<T> batchConcat(const std::vector<const T*>& rows, const std::string& path = "") {
  return BatchTraits<T>::concat(rows, path);
}

namespace detail {

// Non-template helpers (src/data/batch.cpp).
Tensor stackTensors(const std::vector<const Tensor*>& rows, const std::string& path);
std::string fieldPath(const std::string& path, const std::string& key);
std::string indexKey(size_t i);  // "[i]"
[[noreturn]] void batchError(const std::string& path, const std::string& message);
Tensor cellsToTensor(const std::vector<const Cell*>& cells, const std::string& path);
Tensor valuesToTensor(const std::vector<double>& values, Shape shape, DType dtype);

// A number or a (nested) std::vector of numbers: batched into one tensor, as TF.js's tf.tensor()
// does with arrays of numbers.
template <class T>
struct NumericArray : std::false_type {};
template <class N>
  requires std::is_arithmetic_v<N>
struct NumericArray<N> : std::true_type {
  static constexpr bool isBool = std::is_same_v<N, bool>;
};
template <class E>
  requires NumericArray<E>::value
struct NumericArray<std::vector<E>> : std::true_type {
  static constexpr bool isBool = NumericArray<E>::isBool;
};

template <class T>
void flattenNumbers(const T& v, size_t depth, Shape& shape, bool first, std::vector<double>& out,
                    const std::string& path) {
  if constexpr (std::is_arithmetic_v<T>) {
    out.push_back(static_cast<double>(v));
  } else {
    if (first) {
      shape.push_back(static_cast<int64_t>(v.size()));
    } else if (shape[depth] != static_cast<int64_t>(v.size())) {
      batchError(path, "elements are ragged: an array of length " + std::to_string(v.size()) +
                           " where earlier ones had length " + std::to_string(shape[depth]));
    }
    bool firstChild = first;
    for (const auto& e : v) {
      flattenNumbers(e, depth + 1, shape, firstChild, out, path);
      firstChild = false;
    }
    // An empty first array still fixes the shape of deeper levels: nothing deeper to learn.
  }
}

}  // namespace detail

template <>
struct BatchTraits<Tensor> {
  using type = Tensor;
  static Tensor concat(const std::vector<const Tensor*>& rows, const std::string& path) {
    return detail::stackTensors(rows, path);
  }
};

template <class T>
  requires detail::NumericArray<T>::value
struct BatchTraits<T> {
  using type = Tensor;
  static Tensor concat(const std::vector<const T*>& rows, const std::string& path) {
    Shape shape{static_cast<int64_t>(rows.size())};
    std::vector<double> values;
    bool first = true;
    for (const T* r : rows) {
      detail::flattenNumbers(*r, 1, shape, first, values, path);
      first = false;
    }
    return detail::valuesToTensor(values, shape,
                                  detail::NumericArray<T>::isBool ? DType::bool_ : DType::float32);
  }
};

template <>
struct BatchTraits<Cell> {
  using type = Tensor;
  static Tensor concat(const std::vector<const Cell*>& rows, const std::string& path) {
    return detail::cellsToTensor(rows, path);
  }
};

// A vector of non-numbers (e.g. of tensors) is batched index by index.
template <class E>
  requires(!detail::NumericArray<E>::value)
struct BatchTraits<std::vector<E>> {
  using type = std::vector<Batched<E>>;
  static type concat(const std::vector<const std::vector<E>*>& rows, const std::string& path) {
    const size_t n = rows[0]->size();
    type out;
    out.reserve(n);
    std::vector<const E*> column(rows.size());
    for (size_t i = 0; i < n; ++i) {
      for (size_t r = 0; r < rows.size(); ++r) {
        if (rows[r]->size() != n)
          detail::batchError(path, "element " + std::to_string(r) + " has " +
                                       std::to_string(rows[r]->size()) + " entries, element 0 has " +
                                       std::to_string(n));
        column[r] = &(*rows[r])[i];
      }
      out.push_back(batchConcat(column, detail::fieldPath(path, detail::indexKey(i))));
    }
    return out;
  }
};

template <class E>
struct BatchTraits<std::map<std::string, E>> {
  using type = std::map<std::string, Batched<E>>;
  static type concat(const std::vector<const std::map<std::string, E>*>& rows, const std::string& path) {
    type out;
    std::vector<const E*> column(rows.size());
    for (const auto& [key, first] : *rows[0]) {
      for (size_t r = 0; r < rows.size(); ++r) {
        auto it = rows[r]->find(key);
        if (it == rows[r]->end())
          detail::batchError(detail::fieldPath(path, key),
                             "element " + std::to_string(r) + " has no key '" + key + "'");
        column[r] = &it->second;
      }
      out.emplace(key, batchConcat(column, detail::fieldPath(path, key)));
    }
    for (size_t r = 1; r < rows.size(); ++r)
      if (rows[r]->size() != rows[0]->size())
        detail::batchError(path, "element " + std::to_string(r) + " has keys that element 0 lacks");
    return out;
  }
};

// A CSV row: one tensor per column (numbers only: edgeflow has no string tensors).
template <>
struct BatchTraits<Row> {
  using type = TensorMap;
  static TensorMap concat(const std::vector<const Row*>& rows, const std::string& path) {
    TensorMap out;
    const Row& first = *rows[0];
    std::vector<const Cell*> column(rows.size());
    for (size_t c = 0; c < first.size(); ++c) {
      const std::string& name = first.entry(c).first;
      for (size_t r = 0; r < rows.size(); ++r) {
        const Row& row = *rows[r];
        // Rows from one CSV share their column order: try the same position first.
        const Cell* cell = c < row.size() && row.entry(c).first == name ? &row.entry(c).second
                                                                        : row.find(name);
        if (!cell)
          detail::batchError(detail::fieldPath(path, name),
                             "element " + std::to_string(r) + " has no column '" + name + "'");
        if (row.size() != first.size())
          detail::batchError(path, "element " + std::to_string(r) + " has " +
                                       std::to_string(row.size()) + " columns, element 0 has " +
                                       std::to_string(first.size()));
        column[r] = cell;
      }
      out.emplace(name, detail::cellsToTensor(column, detail::fieldPath(path, name)));
    }
    return out;
  }
};

template <class X, class Y>
struct BatchTraits<XY<X, Y>> {
  using type = XY<Batched<X>, Batched<Y>>;
  static type concat(const std::vector<const XY<X, Y>*>& rows, const std::string& path) {
    std::vector<const X*> xs;
    std::vector<const Y*> ys;
    xs.reserve(rows.size());
    ys.reserve(rows.size());
    for (auto* r : rows) {
      xs.push_back(&r->xs);
      ys.push_back(&r->ys);
    }
    return type{batchConcat(xs, detail::fieldPath(path, "xs")),
                batchConcat(ys, detail::fieldPath(path, "ys"))};
  }
};

template <class A, class B>
struct BatchTraits<std::pair<A, B>> {
  using type = std::pair<Batched<A>, Batched<B>>;
  static type concat(const std::vector<const std::pair<A, B>*>& rows, const std::string& path) {
    std::vector<const A*> as;
    std::vector<const B*> bs;
    for (auto* r : rows) {
      as.push_back(&r->first);
      bs.push_back(&r->second);
    }
    return type{batchConcat(as, detail::fieldPath(path, "first")),
                batchConcat(bs, detail::fieldPath(path, "second"))};
  }
};

template <class... Ts>
struct BatchTraits<std::tuple<Ts...>> {
  using type = std::tuple<Batched<Ts>...>;
  static type concat(const std::vector<const std::tuple<Ts...>*>& rows, const std::string& path) {
    return concatFields(rows, path, std::index_sequence_for<Ts...>{});
  }

 private:
  template <size_t... I>
  static type concatFields(const std::vector<const std::tuple<Ts...>*>& rows, const std::string& path,
                           std::index_sequence<I...>) {
    return type{concatField<I>(rows, path)...};
  }
  template <size_t I>
  static auto concatField(const std::vector<const std::tuple<Ts...>*>& rows, const std::string& path) {
    using E = std::tuple_element_t<I, std::tuple<Ts...>>;
    std::vector<const E*> column;
    column.reserve(rows.size());
    for (auto* r : rows) column.push_back(&std::get<I>(*r));
    return batchConcat(column, detail::fieldPath(path, detail::indexKey(I)));
  }
};

}  // namespace edgeflow::data
