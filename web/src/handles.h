// The tensors JavaScript holds. JS sees only ids; this registry owns the C++ handles, so a tensor
// stays alive until JS disposes it or an engine scope (tidy, gradients) disposes it.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow::web {

// The key of a JS id (a double): -1, which nothing has, unless it is a whole number in range.
int64_t handleKey(double id);

class HandleRegistry {
 public:
  // Registers t (idempotent) and returns its id.
  double add(const Tensor& t);
  // The tensor of an id; throws an Error naming `what` if it is unknown or disposed.
  Tensor get(double id, const std::string& what);
  bool has(double id);
  // Disposes the tensor (as tf.dispose) and forgets its id.
  void release(double id);
  // Forgets the id only: the tensor stays with whoever owns it (an engine scope).
  void forget(double id);

  // A level collects the ids registered while an engine scope is open. closeLevel() runs after the
  // scope ended: it forgets the ids the scope disposed and hands survivors to the enclosing level.
  void openLevel();
  void closeLevel();
  size_t count() const { return tensors_.size(); }

 private:
  std::unordered_map<int64_t, Tensor> tensors_;
  std::vector<std::vector<int64_t>> levels_;
};

HandleRegistry& handles();

}  // namespace edgeflow::web
