// CSV values. A Cell is what TF.js's CSV reader yields for one field: a number, a string, or
// missing (TF.js's `undefined`). A Row maps column names to cells, in column order, like the
// JS object TF.js yields (so numbers() follows Object.values order).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow::data {

class Cell {
 public:
  Cell() = default;  // missing
  template <class N>
    requires std::is_arithmetic_v<N>
  Cell(N v) : v_(static_cast<double>(v)) {}
  Cell(std::string s) : v_(std::move(s)) {}
  Cell(const char* s) : v_(std::string(s)) {}

  bool isMissing() const { return v_.index() == 0; }
  bool isNumber() const { return v_.index() == 1; }
  bool isString() const { return v_.index() == 2; }
  // The number or the string; Error if the cell holds something else.
  double number() const;
  const std::string& string() const;
  // "5.1", "setosa" or "<missing>", for messages and printing.
  std::string toString() const;

  friend bool operator==(const Cell& a, const Cell& b) { return a.v_ == b.v_; }
  friend bool operator==(const Cell& a, double v) { return a.isNumber() && std::get<1>(a.v_) == v; }
  friend bool operator==(const Cell& a, const char* s) { return a.isString() && std::get<2>(a.v_) == s; }
  friend bool operator==(const Cell& a, const std::string& s) { return a.isString() && std::get<2>(a.v_) == s; }

 private:
  std::variant<std::monostate, double, std::string> v_;
};

class Row {
 public:
  using Entry = std::pair<std::string, Cell>;
  Row() = default;
  Row(std::initializer_list<Entry> entries);  // Error on a repeated column
  // Trusts that column names are unique (the CSV reader has checked them).
  explicit Row(std::vector<Entry> entries) : entries_(std::move(entries)) {}

  // Replaces the column's value, or appends the column.
  void set(const std::string& column, Cell value);
  // Error naming the column and listing the row's columns if it is absent.
  const Cell& at(std::string_view column) const;
  const Cell& operator[](std::string_view column) const { return at(column); }
  const Cell* find(std::string_view column) const;  // nullptr if absent
  bool contains(std::string_view column) const { return find(column) != nullptr; }

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const Entry& entry(size_t i) const { return entries_[i]; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }
  std::vector<std::string> columns() const;

  // Every cell as a number, in column order. A missing cell counts as 0 (what TF.js's
  // tf.tensor makes of `undefined`); a string cell is an Error naming its column.
  std::vector<double> numbers() const;
  // numbers() as a 1-D float32 tensor, e.g. the features of one CSV row.
  Tensor toTensor() const;

  friend bool operator==(const Row& a, const Row& b) { return a.entries_ == b.entries_; }

 private:
  std::vector<Entry> entries_;
};

// The one-hot float32 vector of a categorical cell, e.g. oneHot(row.ys["species"],
// {"setosa", "virginica", "versicolor"}) as in the TF.js course's iris example. Error if the
// cell is not one of the categories (numbers match categories by their text, e.g. "3").
Tensor oneHot(const Cell& value, const std::vector<std::string>& categories);

// JavaScript's Number(text) (what TF.js uses to decide that a CSV field is numeric): surrounding
// whitespace is ignored, an all-blank text is 0, "Infinity", hex/octal/binary integers ("0x1F")
// and decimal floats are numbers; anything else ("NaN", "1_000", "inf", "1e") is not (nullopt).
std::optional<double> parseNumber(std::string_view text);

// Cells and rows hold no tensors; these let tidy() return them.
inline void collectTensors(const Cell&, std::vector<Tensor>&) {}
inline void collectTensors(const Row&, std::vector<Tensor>&) {}

}  // namespace edgeflow::data
