#include "handles.h"

#include <cmath>

#include "edgeflow/engine.h"

namespace edgeflow::web {

int64_t handleKey(double id) {
  if (!std::isfinite(id) || id < 0 || id > 9.0e15 || id != std::floor(id)) return -1;
  return static_cast<int64_t>(id);
}

HandleRegistry& handles() {
  static HandleRegistry* registry = new HandleRegistry();  // never destroyed: tensors outlive main()
  return *registry;
}

double HandleRegistry::add(const Tensor& t) {
  if (!t.defined()) throw Error("internal: an op returned an undefined tensor");
  auto [it, inserted] = tensors_.emplace(t.id(), t);
  if (inserted && !levels_.empty()) levels_.back().push_back(t.id());
  return static_cast<double>(t.id());
}

Tensor HandleRegistry::get(double id, const std::string& what) {
  auto it = tensors_.find(handleKey(id));
  if (it == tensors_.end() || it->second.isDisposed()) {
    if (it != tensors_.end()) tensors_.erase(it);
    throw Error("Tensor is disposed. (" + what + ")");
  }
  return it->second;
}

bool HandleRegistry::has(double id) {
  auto it = tensors_.find(handleKey(id));
  if (it == tensors_.end()) return false;
  if (it->second.isDisposed()) {
    tensors_.erase(it);
    return false;
  }
  return true;
}

void HandleRegistry::forget(double id) { tensors_.erase(handleKey(id)); }

void HandleRegistry::release(double id) {
  auto it = tensors_.find(handleKey(id));
  if (it == tensors_.end()) return;
  Tensor t = it->second;
  tensors_.erase(it);
  dispose(t);
}

void HandleRegistry::openLevel() { levels_.emplace_back(); }

void HandleRegistry::closeLevel() {
  if (levels_.empty()) return;
  std::vector<int64_t> ids = std::move(levels_.back());
  levels_.pop_back();
  for (int64_t id : ids) {
    auto it = tensors_.find(id);
    if (it == tensors_.end()) continue;
    if (it->second.isDisposed()) {
      tensors_.erase(it);
    } else if (!levels_.empty()) {
      levels_.back().push_back(id);
    }
  }
}

}  // namespace edgeflow::web
