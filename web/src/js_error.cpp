#include "js_error.h"

#include <emscripten.h>

EM_JS(void, edgeflow_throw_js_error, (const char* message), { throw new Error(UTF8ToString(message)); });

namespace edgeflow::web {

void throwJsError(const std::string& message) {
  edgeflow_throw_js_error(message.c_str());
  __builtin_unreachable();
}

}  // namespace edgeflow::web
