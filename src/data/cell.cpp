// Cells and rows of CSV data.
#include "edgeflow/data/cell.h"

#include "edgeflow/ops/creation.h"
#include "ops/random/alea.h"

namespace edgeflow::data {

double Cell::number() const {
  if (!isNumber()) throw Error("Cell: expected a number but the cell holds " + toString());
  return std::get<1>(v_);
}

const std::string& Cell::string() const {
  if (!isString()) throw Error("Cell: expected a string but the cell holds " + toString());
  return std::get<2>(v_);
}

std::string Cell::toString() const {
  if (isNumber()) return random::jsNumberToString(std::get<1>(v_));
  if (isString()) return std::get<2>(v_);
  return "<missing>";
}

Row::Row(std::initializer_list<Entry> entries) {
  for (const auto& e : entries) {
    if (find(e.first)) throw Error("Row: column '" + e.first + "' appears twice");
    entries_.push_back(e);
  }
}

void Row::set(const std::string& column, Cell value) {
  for (auto& e : entries_)
    if (e.first == column) {
      e.second = std::move(value);
      return;
    }
  entries_.emplace_back(column, std::move(value));
}

const Cell* Row::find(std::string_view column) const {
  for (const auto& e : entries_)
    if (e.first == column) return &e.second;
  return nullptr;
}

std::vector<std::string> Row::columns() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& e : entries_) out.push_back(e.first);
  return out;
}

const Cell& Row::at(std::string_view column) const {
  if (const Cell* c = find(column)) return *c;
  std::string names;
  for (const auto& e : entries_) names += (names.empty() ? "" : ", ") + e.first;
  throw Error("Row: no column '" + std::string(column) + "' (columns: " + names + ")");
}

std::vector<double> Row::numbers() const {
  std::vector<double> out;
  out.reserve(entries_.size());
  for (const auto& [name, cell] : entries_) {
    if (cell.isString())
      throw Error("Row::numbers: column '" + name + "' holds the string '" + cell.string() +
                  "', not a number");
    out.push_back(cell.isNumber() ? cell.number() : 0.0);
  }
  return out;
}

Tensor Row::toTensor() const { return tensor(numbers(), {static_cast<int64_t>(entries_.size())}); }

Tensor oneHot(const Cell& value, const std::vector<std::string>& categories) {
  if (value.isMissing()) throw Error("oneHot: the value is missing");
  std::string text = value.toString();
  std::vector<float> v(categories.size(), 0.0f);
  for (size_t i = 0; i < categories.size(); ++i)
    if (categories[i] == text) {
      v[i] = 1.0f;
      return tensor(v, {static_cast<int64_t>(v.size())});
    }
  std::string list;
  for (const auto& c : categories) list += (list.empty() ? "" : ", ") + c;
  throw Error("oneHot: '" + text + "' is not one of the categories [" + list + "]");
}

}  // namespace edgeflow::data
