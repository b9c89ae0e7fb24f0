// Dataset sources and combinators: tf.data.array, tf.data.generator, tf.data.zip.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "edgeflow/data/dataset.h"

namespace edgeflow::data {

// A dataset of the given elements (tensors, numbers, maps, {xs, ys}, ...). The dataset shares
// them: iterating hands out copies of the handles, it never disposes them.
template <class T>
Dataset<T> array(std::vector<T> items) {
  auto shared = std::make_shared<const std::vector<T>>(std::move(items));
  int64_t size = static_cast<int64_t>(shared->size());
  return Dataset<T>([shared]() -> IteratorPtr<T> { return std::make_unique<detail::ArrayIterator<T>>(shared); },
                    size);
}
template <class T>
Dataset<T> array(std::initializer_list<T> items) {
  return array(std::vector<T>(items));
}

template <class F>
using GeneratedType = typename std::invoke_result_t<F&>::value_type;

// A dataset whose elements come from calling fn() until it returns nullopt. Each iteration calls
// a fresh copy of fn, so a lambda with `mutable` state (e.g. a counter) restarts from its initial
// state every time the dataset is iterated (what TF.js's generator functions do).
template <class F>
Dataset<GeneratedType<F>> generator(F fn) {
  using T = GeneratedType<F>;
  static_assert(std::is_same_v<std::invoke_result_t<F&>, std::optional<T>>,
                "generator: fn must return std::optional<Element> (nullopt ends the stream)");
  return Dataset<T>([fn]() -> IteratorPtr<T> { return std::make_unique<detail::FunctionIterator<T, F>>(fn); });
}

namespace detail {
template <class... Ts>
int64_t zipSize(const Dataset<Ts>&... ds) {
  int64_t size = kInfinity;
  bool unknown = false;
  auto add = [&](std::optional<int64_t> s) {
    if (!s)
      unknown = true;
    else
      size = std::min(size, *s);
  };
  (add(ds.size()), ...);
  return unknown ? kUnknownSize : size;
}
}  // namespace detail

// Zips datasets element-wise into tuples; the result ends with the shortest input.
template <class... Ts>
  requires(sizeof...(Ts) >= 1)
Dataset<std::tuple<Ts...>> zip(const Dataset<Ts>&... datasets) {
  return Dataset<std::tuple<Ts...>>(
      [datasets...]() -> IteratorPtr<std::tuple<Ts...>> {
        return std::make_unique<detail::ZipIterator<Ts...>>(datasets.iterator()...);
      },
      detail::zipSize(datasets...));
}

// tf.data.zip({xs: a, ys: b}): elements {xs, ys}, e.g. features and labels for fitDataset.
template <class X, class Y>
Dataset<XY<X, Y>> zip(const XY<Dataset<X>, Dataset<Y>>& datasets) {
  return zip(datasets.xs, datasets.ys).map([](std::tuple<X, Y>&& t) {
    return XY<X, Y>{std::move(std::get<0>(t)), std::move(std::get<1>(t))};
  });
}

// tf.data.zip([a, b, ...]) for datasets of one type: elements are vectors.
template <class T>
Dataset<std::vector<T>> zip(const std::vector<Dataset<T>>& datasets) {
  int64_t size = datasets.empty() ? 0 : kInfinity;
  for (const auto& d : datasets) {
    auto s = d.size();
    size = !s || size == detail::kUnknownSize ? detail::kUnknownSize : std::min(size, *s);
  }
  return Dataset<std::vector<T>>(
      [datasets]() -> IteratorPtr<std::vector<T>> {
        std::vector<IteratorPtr<T>> its;
        for (const auto& d : datasets) its.push_back(d.iterator());
        return std::make_unique<detail::ZipVectorIterator<T>>(std::move(its));
      },
      size);
}

// tf.data.zip({a: da, b: db, ...}) for datasets of one type: elements are maps by the same keys.
template <class T>
Dataset<std::map<std::string, T>> zip(const std::map<std::string, Dataset<T>>& datasets) {
  std::vector<std::string> keys;
  std::vector<Dataset<T>> values;
  for (const auto& [k, d] : datasets) {
    keys.push_back(k);
    values.push_back(d);
  }
  return zip(values).map([keys](std::vector<T>&& items) {
    std::map<std::string, T> out;
    for (size_t i = 0; i < keys.size(); ++i) out.emplace(keys[i], std::move(items[i]));
    return out;
  });
}

}  // namespace edgeflow::data
