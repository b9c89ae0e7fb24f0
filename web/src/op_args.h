// An op call from JavaScript: its tensor inputs and its attributes (TF.js's argument names, as
// JSON). Readers throw an Error naming the op and the argument when a value has the wrong type.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edgeflow/ops/conv.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/tensor.h"

namespace edgeflow::web {

class OpArgs {
 public:
  OpArgs(const std::string& op, std::vector<Tensor> inputs, nlohmann::json attrs);

  const std::string& op() const { return op_; }
  // Input i; an undefined Tensor where JS passed no tensor (optional inputs).
  const Tensor& operator[](size_t i) const;
  const std::vector<Tensor>& inputs() const { return inputs_; }

  // Present and not null (JSON.stringify drops undefined).
  bool has(const char* name) const;
  double number(const char* name, double def) const;
  double number(const char* name) const;  // required
  int64_t integer(const char* name, int64_t def) const;
  int64_t integer(const char* name) const;  // required
  bool flag(const char* name, bool def = false) const;
  std::string string(const char* name, const std::string& def) const;
  DType dtype(const char* name, DType def) const;
  std::optional<DType> optionalDType(const char* name) const;
  std::optional<double> optionalNumber(const char* name) const;
  std::vector<int64_t> ints(const char* name) const;  // required array of integers
  std::vector<int64_t> ints(const char* name, std::vector<int64_t> def) const;
  Shape shape(const char* name) const;
  // number | number[] (a number gives one value); def when absent.
  std::vector<double> numbers(const char* name, std::vector<double> def) const;
  // A number or an array of numbers; absent/null means every axis.
  Axes axes(const char* name) const;
  // number | [number, number]
  Int2 int2(const char* name, Int2 def) const;
  // number | [number, number, number]
  Int3 int3(const char* name, Int3 def) const;
  // "same" | "valid" | number | [[before, after], ...]
  Padding padding(const char* name) const;
  // [[before, after], ...]
  Paddings pairs(const char* name) const;

 private:
  const nlohmann::json* find(const char* name) const;
  [[noreturn]] void fail(const char* name, const char* expected) const;
  double toNumber(const nlohmann::json& v, const char* name) const;
  int64_t toInteger(const nlohmann::json& v, const char* name) const;

  std::string op_;
  std::vector<Tensor> inputs_;
  nlohmann::json attrs_;
};

}  // namespace edgeflow::web
