// The backends every build has. "ref" holds a plain, obviously-correct kernel for every op; "cpu"
// (the default) overrides the hot ones with SIMD, blocked and threaded kernels and falls back to
// "ref" for the rest. The shared op suite runs on both.
#include "edgeflow/kernel.h"

namespace {
const bool registered = [] {
  edgeflow::registerBackend("ref", "", 1);
  edgeflow::registerBackend("cpu", "ref", 2);
  return true;
}();
}  // namespace
