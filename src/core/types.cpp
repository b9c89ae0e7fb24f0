#include "edgeflow/types.h"

namespace edgeflow {

const char* dtypeName(DType d) {
  switch (d) {
    case DType::float32: return "float32";
    case DType::int32: return "int32";
    case DType::bool_: return "bool";
    case DType::uint8: return "uint8";
  }
  return "?";
}

DType parseDType(std::string_view name) {
  if (name == "float32") return DType::float32;
  if (name == "int32") return DType::int32;
  if (name == "bool") return DType::bool_;
  if (name == "uint8") return DType::uint8;
  throw Error("unknown dtype '" + std::string(name) + "' (expected float32, int32, bool or uint8)");
}

size_t dtypeSize(DType d) {
  switch (d) {
    case DType::float32:
    case DType::int32: return 4;
    case DType::bool_:
    case DType::uint8: return 1;
  }
  return 0;
}

static int rankOf(DType d) {
  switch (d) {
    case DType::bool_: return 0;
    case DType::uint8: return 1;
    case DType::int32: return 2;
    case DType::float32: return 3;
  }
  return 3;
}

DType upcastType(DType a, DType b) { return rankOf(a) >= rankOf(b) ? a : b; }

int64_t sizeFromShape(const Shape& shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string shapeToString(const Shape& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ",";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

std::vector<int64_t> stridesOf(const Shape& shape) {
  std::vector<int64_t> st(shape.size());
  int64_t s = 1;
  for (size_t i = shape.size(); i-- > 0;) {
    st[i] = s;
    s *= shape[i];
  }
  return st;
}

}  // namespace edgeflow
