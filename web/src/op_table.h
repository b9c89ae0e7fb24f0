// The table behind runOp(name, inputs, attrsJson): TF.js op names to edgeflow op calls. Adding an
// op is one add() line in the family file (ops_*.cpp) and one line in web/js/ops.mjs.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "op_args.h"

namespace edgeflow::web {

using OpFn = std::function<std::vector<Tensor>(const OpArgs&)>;
constexpr int kAnyInputs = -1;  // a list of tensors (concat, stack, addN)

class OpTable {
 public:
  // inputs: how many tensor inputs the op takes (optional ones arrive as undefined tensors).
  template <class F>
  void add(const std::string& name, int inputs, F fn) {
    if constexpr (std::is_same_v<std::invoke_result_t<F, const OpArgs&>, Tensor>)
      ops_[name] = Entry{inputs, [fn](const OpArgs& a) { return std::vector<Tensor>{fn(a)}; }};
    else
      ops_[name] = Entry{inputs, OpFn(fn)};
  }
  std::vector<Tensor> run(const std::string& name, std::vector<Tensor> inputs, const std::string& attrsJson) const;
  std::vector<std::string> names() const;

 private:
  struct Entry {
    int inputs;
    OpFn fn;
  };
  std::map<std::string, Entry> ops_;
};

const OpTable& opTable();

// The op families (one file each).
void addMathOps(OpTable& t);
void addReductionOps(OpTable& t);
void addShapeOps(OpTable& t);
void addCreationOps(OpTable& t);
void addNnOps(OpTable& t);
void addImageOps(OpTable& t);

}  // namespace edgeflow::web
