// Basic vocabulary: dtypes, shapes and the library's exception type.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace edgeflow {

// TF.js dtypes plus uint8 (decoded images). bool is stored one byte per element.
enum class DType : uint8_t { float32, int32, bool_, uint8 };

const char* dtypeName(DType d);
DType parseDType(std::string_view name);  // "float32" | "int32" | "bool" | "uint8"
size_t dtypeSize(DType d);
// TF.js's upcastType: bool < uint8 < int32 < float32.
DType upcastType(DType a, DType b);

using Shape = std::vector<int64_t>;

int64_t sizeFromShape(const Shape& shape);
std::string shapeToString(const Shape& shape);  // "[2,3]"
// Row-major strides (in elements) of a shape.
std::vector<int64_t> stridesOf(const Shape& shape);

// Every error edgeflow reports: bad shapes, dtypes, arguments, files.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace edgeflow
