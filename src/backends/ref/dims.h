// Shape arithmetic shared by the reference kernels. Internal.
#pragma once
#include <cstddef>
#include <cstdint>

#include "edgeflow/types.h"

namespace edgeflow::ref {

// The product of dims [from, to) of a shape (1 when empty).
inline int64_t dimsProduct(const Shape& s, size_t from, size_t to) {
  int64_t p = 1;
  for (size_t i = from; i < to; ++i) p *= s[i];
  return p;
}

}  // namespace edgeflow::ref
