// libFuzzer target for the .npy reader (src/io/npy.cpp). Besides "no crash, no sanitizer report,
// only edgeflow::Error", it checks that an accepted file holds exactly its shape's elements and
// that writing it back and reading that again gives the same array.
#include <cstdint>
#include <cstdlib>

#include "io/npy.h"

using namespace edgeflow;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  io::NpyArray a;
  try {
    a = io::parseNpy(data, size, "fuzz.npy");
  } catch (const Error&) {
    return 0;
  }
  int64_t count = 1;
  for (int64_t d : a.shape) count *= d;
  const size_t elementSize = a.dtype == DType::float32 || a.dtype == DType::int32 ? 4 : 1;
  if (a.data.size() != size_t(count) * elementSize) std::abort();
  auto bytes = io::encodeNpy(a);
  io::NpyArray b = io::parseNpy(bytes.data(), bytes.size(), "again.npy");  // must not throw
  if (b.dtype != a.dtype || b.shape != a.shape || b.data != a.data) std::abort();
  return 0;
}
