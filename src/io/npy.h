// NumPy .npy files (format versions 1.0, 2.0 and 3.0): what `np.save` writes and `np.load` reads.
// Read: float32/float64 (to float32), int32/int64 (to int32, range-checked), uint8 and bool, in
// either byte order, C order only. Write: float32, int32, uint8 and bool tensors as version 1.0.
// The byte-level part (parseNpy/encodeNpy) needs no tensors, so the fuzzer can link it alone.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "edgeflow/tensor.h"
#include "edgeflow/types.h"

namespace edgeflow::io {

// A decoded array: its values as little-endian float32, int32, uint8 or bool (one byte each).
struct NpyArray {
  DType dtype = DType::float32;
  Shape shape{};
  std::vector<uint8_t> data{};  // sizeFromShape(shape) * element size bytes
};

// Parses a whole .npy file. Throws edgeflow::Error naming `name` for a bad magic string, an
// unknown version, a malformed header dictionary, an unsupported dtype or Fortran order, and data
// shorter or longer than the shape says.
NpyArray parseNpy(const uint8_t* data, size_t size, const std::string& name = "npy");
// The bytes of a version 1.0 .npy file for the array (header padded to 64 bytes, as NumPy does).
std::vector<uint8_t> encodeNpy(const NpyArray& array);

// Tensor conversions and files.
Tensor npyToTensor(const NpyArray& array);
NpyArray tensorToNpy(const Tensor& tensor);
Tensor readNpy(const std::string& path);
void writeNpy(const std::string& path, const Tensor& tensor);

}  // namespace edgeflow::io
