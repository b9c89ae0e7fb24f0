// LazyIterator: the stream a Dataset produces each time it is iterated (TF.js's LazyIterator,
// synchronous: next() returns the element, or nullopt at the end).
#pragma once
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace edgeflow::data {

template <class T>
class LazyIterator {
 public:
  virtual ~LazyIterator() = default;
  // The next element; nullopt once the stream has ended, and on every call after that.
  virtual std::optional<T> next() = 0;

  std::vector<T> toArray() {
    std::vector<T> out;
    while (auto x = next()) out.push_back(std::move(*x));
    return out;
  }
  template <class F>
  void forEach(F&& f) {
    while (auto x = next()) f(*x);
  }
};

template <class T>
using IteratorPtr = std::unique_ptr<LazyIterator<T>>;

// Input iterator over a LazyIterator, so that `for (auto& x : dataset)` works.
template <class T>
class ElementIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = const T*;
  using reference = const T&;

  ElementIterator() = default;
  explicit ElementIterator(std::shared_ptr<LazyIterator<T>> it) : it_(std::move(it)) { ++*this; }
  const T& operator*() const { return *current_; }
  const T* operator->() const { return &*current_; }
  ElementIterator& operator++() {
    current_ = it_->next();
    return *this;
  }
  void operator++(int) { ++*this; }
  friend bool operator==(const ElementIterator& a, std::default_sentinel_t) { return !a.current_; }

 private:
  std::shared_ptr<LazyIterator<T>> it_;
  std::optional<T> current_;
};

}  // namespace edgeflow::data
