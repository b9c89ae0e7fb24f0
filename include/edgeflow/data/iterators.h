// The iterators behind Dataset's transformations (TF.js's lazy_iterator.ts). Internal: use
// Dataset's methods.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "edgeflow/data/batch.h"
#include "edgeflow/data/iterator.h"
#include "edgeflow/data/xy.h"
#include "edgeflow/engine.h"

namespace edgeflow::data::detail {

// Seeded like TF.js's shuffle (seedrandom's alea over a seed string). src/data/shuffle_random.cpp.
class ShuffleRandom {
 public:
  explicit ShuffleRandom(const std::string& seed);
  ~ShuffleRandom();
  double next();    // uniform in [0, 1)
  int32_t int32();  // seedrandom's prng.int32()
 private:
  struct State;
  std::unique_ptr<State> state_;
};
// A seed string when none is given (TF.js uses the clock).
std::string freshSeedString();
// TF.js's `seed || now`: a number as JS prints it; 0 and NaN count as no seed.
std::optional<std::string> seedFromNumber(double seed);

template <class T>
struct IsVector : std::false_type {};
template <class E>
struct IsVector<std::vector<E>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V>
struct IsMap<std::map<K, V>> : std::true_type {};
template <class T>
struct IsXY : std::false_type {};
template <class X, class Y>
struct IsXY<XY<X, Y>> : std::true_type {};
template <class T>
struct IsPairOrTuple : std::false_type {};
template <class A, class B>
struct IsPairOrTuple<std::pair<A, B>> : std::true_type {};
template <class... Ts>
struct IsPairOrTuple<std::tuple<Ts...>> : std::true_type {};

// Marks the tensors of an element that a buffering iterator (shuffle, prefetch) holds across
// next() calls as kept, so that a tidy() around one next() call cannot dispose buffered elements.
// They are still freed when their last handle goes.
template <class T>
void keepTensors(const T& x) {
  if constexpr (std::is_base_of_v<Tensor, T>) {
    if (x.defined()) keep(x);
  } else if constexpr (IsVector<T>::value) {
    if constexpr (!std::is_arithmetic_v<typename T::value_type>)
      for (const auto& e : x) keepTensors(e);
  } else if constexpr (IsMap<T>::value) {
    for (const auto& kv : x) keepTensors(kv.second);
  } else if constexpr (IsXY<T>::value) {
    keepTensors(x.xs);
    keepTensors(x.ys);
  } else if constexpr (IsPairOrTuple<T>::value) {
    std::apply([](const auto&... e) { (keepTensors(e), ...); }, x);
  }
}

template <class T>
class EmptyIterator : public LazyIterator<T> {
 public:
  std::optional<T> next() override { return std::nullopt; }
};

template <class T>
class ArrayIterator : public LazyIterator<T> {
 public:
  explicit ArrayIterator(std::shared_ptr<const std::vector<T>> items) : items_(std::move(items)) {}
  std::optional<T> next() override {
    if (i_ >= items_->size()) return std::nullopt;
    return (*items_)[i_++];
  }

 private:
  std::shared_ptr<const std::vector<T>> items_;
  size_t i_ = 0;
};

// Calls a generator until it returns nullopt, and never after that.
template <class T, class F>
class FunctionIterator : public LazyIterator<T> {
 public:
  explicit FunctionIterator(F fn) : fn_(std::move(fn)) {}
  std::optional<T> next() override {
    if (done_) return std::nullopt;
    std::optional<T> x = fn_();
    if (!x) done_ = true;
    return x;
  }

 private:
  F fn_;
  bool done_ = false;
};

template <class T, class U, class F>
class MapIterator : public LazyIterator<U> {
 public:
  MapIterator(IteratorPtr<T> up, F fn) : up_(std::move(up)), fn_(std::move(fn)) {}
  std::optional<U> next() override {
    std::optional<T> x = up_->next();
    if (!x) return std::nullopt;
    return std::optional<U>(fn_(std::move(*x)));
  }

 private:
  IteratorPtr<T> up_;
  F fn_;
};

template <class T, class F>
class FilterIterator : public LazyIterator<T> {
 public:
  FilterIterator(IteratorPtr<T> up, F pred) : up_(std::move(up)), pred_(std::move(pred)) {}
  std::optional<T> next() override {
    while (true) {
      std::optional<T> x = up_->next();
      if (!x || pred_(std::as_const(*x))) return x;
    }
  }

 private:
  IteratorPtr<T> up_;
  F pred_;
};

template <class T>
class TakeIterator : public LazyIterator<T> {
 public:
  TakeIterator(IteratorPtr<T> up, int64_t count) : up_(std::move(up)), left_(count) {}
  std::optional<T> next() override {
    if (left_ <= 0) return std::nullopt;
    --left_;
    std::optional<T> x = up_->next();
    if (!x) left_ = 0;
    return x;
  }

 private:
  IteratorPtr<T> up_;
  int64_t left_;
};

template <class T>
class SkipIterator : public LazyIterator<T> {
 public:
  SkipIterator(IteratorPtr<T> up, int64_t count) : up_(std::move(up)), toSkip_(count) {}
  std::optional<T> next() override {
    for (; toSkip_ > 0; --toSkip_)
      if (!up_->next()) {
        toSkip_ = 0;
        return std::nullopt;
      }
    return up_->next();
  }

 private:
  IteratorPtr<T> up_;
  int64_t toSkip_;
};

template <class T>
class BatchIterator : public LazyIterator<Batched<T>> {
 public:
  BatchIterator(IteratorPtr<T> up, int64_t batchSize, bool smallLastBatch)
      : up_(std::move(up)), batchSize_(batchSize), smallLastBatch_(smallLastBatch) {}
  std::optional<Batched<T>> next() override {
    if (done_) return std::nullopt;
    std::deque<T> rows;  // not a vector: std::vector<bool> has no addressable elements
    while (static_cast<int64_t>(rows.size()) < batchSize_) {
      std::optional<T> x = up_->next();
      if (!x) {
        done_ = true;
        break;
      }
      rows.push_back(std::move(*x));
    }
    if (rows.empty() || (done_ && !smallLastBatch_)) return std::nullopt;
    std::vector<const T*> ptrs;
    ptrs.reserve(rows.size());
    for (const T& r : rows) ptrs.push_back(&r);
    return batchConcat(ptrs);  // rows (and any tensors only they held) go when this returns
  }

 private:
  IteratorPtr<T> up_;
  int64_t batchSize_;
  bool smallLastBatch_;
  bool done_ = false;
};

// Streams from a sequence of iterators: makeNext(i) gives the i-th or nullptr when there are no
// more. With stopOnEmptyPass (repeat() forever), a fresh iterator that yields nothing ends the
// stream instead of looping forever over an empty dataset.
template <class T>
class ChainIterator : public LazyIterator<T> {
 public:
  ChainIterator(std::function<IteratorPtr<T>(int64_t)> makeNext, bool stopOnEmptyPass)
      : makeNext_(std::move(makeNext)), stopOnEmptyPass_(stopOnEmptyPass) {}
  std::optional<T> next() override {
    while (!done_) {
      if (!current_) {
        current_ = makeNext_(index_++);
        if (!current_) break;
        yieldedThisPass_ = false;
      }
      std::optional<T> x = current_->next();
      if (x) {
        yieldedThisPass_ = true;
        return x;
      }
      current_.reset();
      if (stopOnEmptyPass_ && !yieldedThisPass_) break;
    }
    done_ = true;
    return std::nullopt;
  }

 private:
  std::function<IteratorPtr<T>(int64_t)> makeNext_;
  bool stopOnEmptyPass_;
  IteratorPtr<T> current_;
  int64_t index_ = 0;
  bool yieldedThisPass_ = false;
  bool done_ = false;
};

// TF.js's ShuffleIterator: a window of bufferSize upstream results (the end of the stream counts
// as a result once upstream is exhausted); each call picks one at random, moves the last one
// into its slot and refills. Same draws as TF.js, so a seed gives TF.js's order.
template <class T>
class ShuffleIterator : public LazyIterator<T> {
 public:
  ShuffleIterator(IteratorPtr<T> up, int64_t bufferSize, const std::string& seed)
      : up_(std::move(up)), capacity_(static_cast<size_t>(bufferSize)), random_(seed) {}
  std::optional<T> next() override {
    if (!exhausted_) refill();
    while (!buffer_.empty()) {
      size_t i = static_cast<size_t>(random_.next() * static_cast<double>(buffer_.size()));
      if (!buffer_[i]) {
        removeAt(i);
        exhausted_ = true;
        continue;
      }
      T x = std::move(*buffer_[i]);
      removeAt(i);
      refill();
      return x;
    }
    return std::nullopt;
  }

 private:
  void removeAt(size_t i) {  // moves the last entry into slot i, as TF.js's shuffleExcise
    if (i + 1 != buffer_.size()) buffer_[i] = std::move(buffer_.back());
    buffer_.pop_back();
  }
  void refill() {
    while (buffer_.size() < capacity_) {
      std::optional<T> x;
      if (!upDone_) {
        x = up_->next();
        if (!x) upDone_ = true;
      }
      if (x) keepTensors(*x);
      buffer_.push_back(std::move(x));
    }
  }

  IteratorPtr<T> up_;
  size_t capacity_;
  ShuffleRandom random_;
  std::vector<std::optional<T>> buffer_;
  bool upDone_ = false;
  bool exhausted_ = false;
};

// Reads up to bufferSize elements ahead (synchronously: there is no background thread).
template <class T>
class PrefetchIterator : public LazyIterator<T> {
 public:
  PrefetchIterator(IteratorPtr<T> up, int64_t bufferSize)
      : up_(std::move(up)), capacity_(static_cast<size_t>(bufferSize)) {}
  std::optional<T> next() override {
    while (!upDone_ && buffer_.size() < capacity_) {
      std::optional<T> x = up_->next();
      if (!x) {
        upDone_ = true;
        break;
      }
      keepTensors(*x);
      buffer_.push_back(std::move(*x));
    }
    if (buffer_.empty()) return std::nullopt;
    T x = std::move(buffer_.front());
    buffer_.pop_front();
    return x;
  }

 private:
  IteratorPtr<T> up_;
  size_t capacity_;
  std::deque<T> buffer_;
  bool upDone_ = false;
};

// Zips streams of different types into tuples; ends with the shortest stream.
template <class... Ts>
class ZipIterator : public LazyIterator<std::tuple<Ts...>> {
 public:
  explicit ZipIterator(IteratorPtr<Ts>... ups) : ups_(std::move(ups)...) {}
  std::optional<std::tuple<Ts...>> next() override {
    if (done_) return std::nullopt;
    // Every stream is advanced, in order, even when an earlier one has ended (as TF.js does).
    auto items = std::apply([](auto&... up) { return std::tuple<std::optional<Ts>...>{up->next()...}; }, ups_);
    bool allThere = std::apply([](const auto&... x) { return (x.has_value() && ...); }, items);
    if (!allThere) {
      done_ = true;
      return std::nullopt;
    }
    return std::apply([](auto&... x) { return std::tuple<Ts...>{std::move(*x)...}; }, items);
  }

 private:
  std::tuple<IteratorPtr<Ts>...> ups_;
  bool done_ = false;
};

// Zips any number of streams of one type into vectors; ends with the shortest stream.
template <class T>
class ZipVectorIterator : public LazyIterator<std::vector<T>> {
 public:
  explicit ZipVectorIterator(std::vector<IteratorPtr<T>> ups) : ups_(std::move(ups)) {}
  std::optional<std::vector<T>> next() override {
    if (done_ || ups_.empty()) return std::nullopt;
    std::vector<std::optional<T>> items;
    items.reserve(ups_.size());
    bool allThere = true;
    for (auto& up : ups_) {
      items.push_back(up->next());
      allThere = allThere && items.back().has_value();
    }
    if (!allThere) {
      done_ = true;
      return std::nullopt;
    }
    std::vector<T> out;
    out.reserve(items.size());
    for (auto& x : items) out.push_back(std::move(*x));
    return out;
  }

 private:
  std::vector<IteratorPtr<T>> ups_;
  bool done_ = false;
};

}  // namespace edgeflow::data::detail
