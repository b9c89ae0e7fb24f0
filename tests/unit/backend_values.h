// Running the same computation on a named backend (cpu against ref) in tests.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/edgeflow.h"

namespace edgeflow_test {

// f's values computed on `backend`; the previous backend is restored, also when f throws.
template <class F>
std::vector<float> valuesOn(const std::string& backend, F f) {
  struct Restore {
    std::string prev = edgeflow::getBackend();
    ~Restore() { edgeflow::setBackend(prev); }
  } restore;
  edgeflow::setBackend(backend);
  return edgeflow::tidy([&] { return f(); }).template dataSync<float>();
}

}  // namespace edgeflow_test
