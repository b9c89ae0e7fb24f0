// C++ errors reach JavaScript as `Error` objects with the same message.
#pragma once
#include <exception>
#include <string>

namespace edgeflow::web {

// Thrown from a frame with no live C++ exception, so nothing is left half-caught.
[[noreturn]] void throwJsError(const std::string& message);

// Runs f; a std::exception becomes a JS Error carrying e.what().
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  static std::string message;  // static: the JS throw unwinds without running this frame's destructors
  try {
    return f();
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
    message = "edgeflow: unknown C++ exception";
  }
  throwJsError(message);
}

}  // namespace edgeflow::web
