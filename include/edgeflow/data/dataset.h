// Dataset<T>: TF.js's tf.data.Dataset in C++. A dataset is a recipe: nothing is read or computed
// until it is iterated, each iteration starts from the beginning, and elements stream through
// the chain of transformations one at a time (only batch, shuffle and prefetch hold several).
// Copies are cheap and share the recipe.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "edgeflow/data/batch.h"
#include "edgeflow/data/iterator.h"
#include "edgeflow/data/iterators.h"
#include "edgeflow/types.h"

namespace edgeflow::data {

// size() of a dataset that never ends (e.g. after repeat()).
inline constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max();

namespace detail {
inline constexpr int64_t kUnknownSize = -1;
}  // namespace detail

template <class T>
class Dataset {
 public:
  using value_type = T;
  using IteratorFn = std::function<IteratorPtr<T>()>;

  // An empty dataset.
  Dataset() : Dataset([] { return IteratorPtr<T>(new detail::EmptyIterator<T>()); }, 0) {}
  // A dataset whose iterations come from makeIterator; size is its number of elements if known
  // (kInfinity for endless), else -1.
  explicit Dataset(IteratorFn makeIterator, int64_t size = detail::kUnknownSize)
      : make_(std::make_shared<const IteratorFn>(std::move(makeIterator))), size_(size) {}

  // A fresh stream over the elements.
  IteratorPtr<T> iterator() const { return (*make_)(); }
  // The number of elements, kInfinity if endless, nullopt if not known without iterating.
  std::optional<int64_t> size() const {
    return size_ < 0 ? std::nullopt : std::optional<int64_t>(size_);
  }

  // Applies transform to each element. It receives the element (as T&& or const T&) and returns
  // the new element, of any type.
  template <class F>
  auto map(F transform) const {
    using U = std::decay_t<std::invoke_result_t<F&, T&&>>;
    static_assert(!std::is_void_v<U>, "Dataset::map: the transform must return the new element");
    auto make = make_;
    return Dataset<U>(
        [make, transform]() -> IteratorPtr<U> {
          return std::make_unique<detail::MapIterator<T, U, F>>((*make)(), transform);
        },
        size_);
  }

  // Keeps the elements for which predicate(const T&) is true.
  template <class F>
  Dataset filter(F predicate) const {
    auto make = make_;
    return Dataset(
        [make, predicate]() -> IteratorPtr<T> {
          return std::make_unique<detail::FilterIterator<T, F>>((*make)(), predicate);
        },
        size_ == kInfinity ? kInfinity : detail::kUnknownSize);
  }

  // Groups consecutive elements into batches of batchSize, stacked as described in batch.h
  // (tensors along a new first axis; maps, {xs, ys}, rows field by field). The last batch may be
  // smaller unless smallLastBatch is false, in which case it is dropped.
  // (A template so that datasets of unbatchable elements, e.g. strings, still compile.)
  template <class E = T>
  Dataset<Batched<E>> batch(int64_t batchSize, bool smallLastBatch = true) const {
    if (batchSize <= 0)
      throw Error("batch: batchSize needs to be positive, but it is " + std::to_string(batchSize));
    int64_t size = size_;
    if (size >= 0 && size != kInfinity)
      size = smallLastBatch ? (size + batchSize - 1) / batchSize : size / batchSize;
    auto make = make_;
    return Dataset<Batched<E>>(
        [make, batchSize, smallLastBatch]() -> IteratorPtr<Batched<E>> {
          return std::make_unique<detail::BatchIterator<E>>((*make)(), batchSize, smallLastBatch);
        },
        size);
  }

  // This dataset's elements, then other's.
  Dataset concatenate(const Dataset& other) const {
    int64_t size = detail::kUnknownSize;
    if (size_ == kInfinity || other.size_ == kInfinity)
      size = kInfinity;
    else if (size_ >= 0 && other.size_ >= 0)
      size = size_ + other.size_;
    auto a = make_, b = other.make_;
    return Dataset(
        [a, b]() -> IteratorPtr<T> {
          return std::make_unique<detail::ChainIterator<T>>(
              [a, b](int64_t i) -> IteratorPtr<T> { return i == 0 ? (*a)() : i == 1 ? (*b)() : nullptr; },
              false);
        },
        size);
  }

  // Iterates the dataset count times; a negative count (the default) repeats forever. Repeating
  // an empty dataset forever yields nothing (TF.js would spin).
  Dataset repeat(int64_t count = -1) const {
    int64_t size = detail::kUnknownSize;
    if (count == 0 || size_ == 0)
      size = 0;
    else if (size_ >= 0 && count > 0)
      size = size_ == kInfinity || size_ > kInfinity / count ? kInfinity : size_ * count;
    else if (size_ >= 0)
      size = kInfinity;
    auto make = make_;
    return Dataset(
        [make, count]() -> IteratorPtr<T> {
          return std::make_unique<detail::ChainIterator<T>>(
              [make, count](int64_t i) -> IteratorPtr<T> { return count < 0 || i < count ? (*make)() : nullptr; },
              count < 0);
        },
        size);
  }

  // The first count elements (all of them if count is negative).
  Dataset take(int64_t count) const {
    if (count < 0) return *this;
    int64_t size = size_ >= 0 ? std::min(size_, count) : detail::kUnknownSize;
    auto make = make_;
    return Dataset(
        [make, count]() -> IteratorPtr<T> { return std::make_unique<detail::TakeIterator<T>>((*make)(), count); },
        size);
  }

  // All but the first count elements (nothing is skipped if count is negative).
  Dataset skip(int64_t count) const {
    if (count <= 0) return *this;
    int64_t size = size_ == kInfinity ? kInfinity : size_ >= 0 ? std::max<int64_t>(size_ - count, 0) : size_;
    auto make = make_;
    return Dataset(
        [make, count]() -> IteratorPtr<T> { return std::make_unique<detail::SkipIterator<T>>((*make)(), count); },
        size);
  }

  // Randomly shuffles the elements with a window of bufferSize elements (a bufferSize of at
  // least size() shuffles uniformly). With the same seed string the order is TF.js's. With
  // reshuffleEachIteration each iteration has a new order; without it every iteration has the
  // first iteration's order.
  Dataset shuffle(int64_t bufferSize, std::optional<std::string> seed = std::nullopt,
                  bool reshuffleEachIteration = true) const {
    if (bufferSize < 1) {
      std::string hint = size_ >= 0 && size_ != kInfinity
                             ? " (to shuffle uniformly, use the dataset size, " + std::to_string(size_) + ")"
                             : "";
      throw Error("shuffle: bufferSize must be at least 1, but it is " + std::to_string(bufferSize) + hint);
    }
    auto seeder = std::make_shared<detail::ShuffleRandom>(seed ? *seed : detail::freshSeedString());
    std::optional<int64_t> fixedSeed;
    if (!reshuffleEachIteration) fixedSeed = seeder->int32();
    auto make = make_;
    return Dataset(
        [make, seeder, fixedSeed, bufferSize]() -> IteratorPtr<T> {
          int64_t seed2;
          if (fixedSeed) {
            seed2 = *fixedSeed;
          } else {
            seed2 = seeder->int32();
            seed2 += seeder->int32();
          }
          return std::make_unique<detail::ShuffleIterator<T>>((*make)(), bufferSize, std::to_string(seed2));
        },
        size_);
  }
  // A numeric seed, as JS would turn it into a string (0 counts as no seed, as in TF.js).
  Dataset shuffle(int64_t bufferSize, double seed, bool reshuffleEachIteration = true) const {
    return shuffle(bufferSize, detail::seedFromNumber(seed), reshuffleEachIteration);
  }

  // Reads up to bufferSize elements ahead. Natively this is synchronous (no background thread),
  // so it only changes when upstream work happens; kept for TF.js's API.
  Dataset prefetch(int64_t bufferSize) const {
    if (bufferSize < 1)
      throw Error("prefetch: bufferSize must be at least 1, but it is " + std::to_string(bufferSize));
    auto make = make_;
    return Dataset(
        [make, bufferSize]() -> IteratorPtr<T> {
          return std::make_unique<detail::PrefetchIterator<T>>((*make)(), bufferSize);
        },
        size_);
  }

  // Calls f on every element, in order.
  template <class F>
  void forEach(F&& f) const {
    iterator()->forEach(std::forward<F>(f));
  }
  // TF.js's name; runs synchronously here.
  template <class F>
  void forEachAsync(F&& f) const {
    forEach(std::forward<F>(f));
  }

  // All elements in a vector. Error for an endless dataset.
  std::vector<T> toArray() const {
    if (size_ == kInfinity) throw Error("toArray: Can not convert infinite data stream to array.");
    return iterator()->toArray();
  }

  // `for (const auto& x : dataset)` iterates once.
  ElementIterator<T> begin() const { return ElementIterator<T>(std::shared_ptr<LazyIterator<T>>(iterator())); }
  std::default_sentinel_t end() const { return {}; }

 protected:
  std::shared_ptr<const IteratorFn> make_;
  int64_t size_;

  template <class U>
  friend class Dataset;
};

}  // namespace edgeflow::data
