// Helpers for tests of error messages: the text an action throws, and substring checks.
#pragma once
#include <exception>
#include <string>

namespace edgeflow_test {

// What f throws (its what()), or "(no error)".
template <class F>
std::string errorOf(F f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace edgeflow_test
