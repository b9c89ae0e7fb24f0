// Weight bytes <-> values without tensors (so the fuzzer can run it alone): dtype sizes, float16,
// the converter's uint8/uint16 quantization, and TF.js's dequantization.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "edgeflow/io.h"

namespace edgeflow::io::detail {

// IEEE 754 half <-> single. floatToHalf rounds to nearest even (as numpy's astype(float16)):
// beyond the half range it gives +-Inf, NaN stays NaN.
float halfToFloat(uint16_t h);
uint16_t floatToHalf(float f);

// Element count of a shape; throws if it overflows.
int64_t elementCount(const Shape& shape, const std::string& where);

// Decodes the `byteLength` bytes of one weight (its spec already validated) into its values:
// float32 weights into `f32`, int32 into `i32`, bool into `u8` (0/1). Quantized weights are
// dequantized as TF.js does. string / complex64 weights throw (edgeflow has no such tensors).
struct DecodedValues {
  std::vector<float> f32;
  std::vector<int32_t> i32;
  std::vector<uint8_t> u8;
};
void decodeWeightValues(const WeightsManifestEntry& spec, const uint8_t* bytes, int64_t byteLength,
                        DecodedValues& out);

// tensorflowjs_converter's quantize_weights for uint8/uint16: min/max of the data, range nudged
// so that 0 is exactly representable when it lies inside, q = round((clip(x) - min) / scale).
// float16: each value rounded to half. Appends the bytes to `out`, returns the metadata.
Quantization quantizeFloat32(const float* values, int64_t n, const std::string& dtype, const std::string& name,
                             std::vector<uint8_t>& out);

}  // namespace edgeflow::io::detail
