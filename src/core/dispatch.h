// Calls f with a value of the C++ element type of a dtype (float, int32_t, uint8_t). Internal.
#pragma once
#include <cstdint>

#include "edgeflow/types.h"

namespace edgeflow {

template <class F>
decltype(auto) dispatchDType(DType d, F&& f) {
  switch (d) {
    case DType::float32: return f(float{});
    case DType::int32: return f(int32_t{});
    case DType::bool_:
    case DType::uint8: return f(uint8_t{});
  }
  return f(float{});
}

}  // namespace edgeflow
