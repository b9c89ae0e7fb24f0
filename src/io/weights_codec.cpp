// Weight dtypes, byte lengths, float16, quantization and dequantization (no tensors here).
#include "io/weights_codec.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <limits>

#include "io/io_internal.h"

namespace edgeflow::io {
namespace detail {

namespace {

// std::bit_cast is missing from emscripten 3.1.6's libc++.
template <class To, class From>
To bitCast(const From& from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

bool isQuantizedInt(const std::string& q) { return q == "uint8" || q == "uint16"; }

int64_t bytesPerValue(const WeightsManifestEntry& spec) {
  if (spec.quantization) return spec.quantization->dtype == "uint8" ? 1 : 2;
  if (spec.dtype == "float32" || spec.dtype == "int32") return 4;
  if (spec.dtype == "bool") return 1;
  if (spec.dtype == "complex64") return 8;
  return 0;  // string: variable
}

uint32_t readU32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// a * b + c rounded twice, as JavaScript (and numpy) compute it: a fused multiply-add, which
// compilers may emit for this expression, would differ in the last bit (and turn exact zeros
// into 1e-17s).
double mulAdd(double a, double b, double c) {
  volatile double product = a * b;
  return product + c;
}

// JavaScript's ToInt32 (what storing a number into an Int32Array does).
int32_t jsToInt32(double v) {
  if (!std::isfinite(v)) return 0;
  double m = std::fmod(std::trunc(v), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(m));
}

}  // namespace

void validateSpec(const WeightsManifestEntry& spec, const std::string& where) {
  const std::string& d = spec.dtype;
  if (d != "float32" && d != "int32" && d != "bool" && d != "string" && d != "complex64")
    throw Error("io: " + where + " has unknown dtype " + quote(d) +
                " (TF.js weights are float32, int32, bool, string or complex64)");
  if (!spec.quantization) return;
  const Quantization& q = *spec.quantization;
  if (isQuantizedInt(q.dtype)) {
    if (!q.min || !q.scale)
      throw Error("io: " + where + " with quantization " + q.dtype + " doesn't have corresponding metadata min and scale");
    if (d != "float32" && d != "int32")
      throw Error("io: " + where + ": " + q.dtype + " quantization supports float32 and int32 weights, not " + d);
  } else if (q.dtype == "float16") {
    if (d != "float32")
      throw Error("io: " + where + " is quantized with float16 which only supports weights of type float32 not " + d);
  } else {
    throw Error("io: " + where + " has unknown quantization dtype " + quote(q.dtype) +
                " (supported: uint8, uint16, float16)");
  }
}

int64_t elementCount(const Shape& shape, const std::string& where) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0) throw Error("io: " + where + ": negative dimension in shape " + shapeToString(shape));
    if (d != 0 && n > (int64_t{1} << 53) / d) throw Error("io: " + where + ": shape " + shapeToString(shape) + " is too large");
    n *= d;
  }
  return n;
}

int64_t groupByteLength(const WeightsManifestGroupConfig& group) {
  int64_t total = 0;
  for (const auto& w : group.weights) {
    if (w.dtype == "string" && !w.quantization) return -1;
    total += weightByteLength(w);
  }
  return total;
}

float halfToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000 | (mant << 13);
  } else if (exp != 0) {
    bits = sign | ((exp + 112) << 23) | (mant << 13);
  } else if (mant == 0) {
    bits = sign;
  } else {  // subnormal half: mant * 2^-24, exact in float
    float v = static_cast<float>(mant) * 5.9604644775390625e-8f;
    bits = sign | bitCast<uint32_t>(v);
  }
  return bitCast<float>(bits);
}

uint16_t floatToHalf(float f) {
  uint32_t x = bitCast<uint32_t>(f);
  auto sign = static_cast<uint16_t>((x >> 16) & 0x8000);
  uint32_t a = x & 0x7fffffff;
  if (a > 0x7f800000) return static_cast<uint16_t>(sign | 0x7e00 | ((a >> 13) & 0x3ff));  // NaN
  if (a >= 0x477ff000) return static_cast<uint16_t>(sign | 0x7c00);  // >= 65520 rounds to Inf
  if (a < 0x38800000) {  // below the smallest normal half: a multiple of 2^-24, rounded to even
    float scaled = bitCast<float>(a) * 16777216.0f;  // exact (power of two)
    return static_cast<uint16_t>(sign | static_cast<uint16_t>(std::nearbyint(scaled)));
  }
  uint32_t h = (a - 0x38000000) >> 13;  // rebias the exponent by 127 - 15
  uint32_t rest = a & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) ++h;
  return static_cast<uint16_t>(sign | h);
}

void decodeWeightValues(const WeightsManifestEntry& spec, const uint8_t* bytes, int64_t byteLength,
                        DecodedValues& out) {
  const std::string where = "weight " + quote(spec.name);
  int64_t n = elementCount(spec.shape, where);
  if (spec.dtype == "string" || spec.dtype == "complex64")
    throw Error("io: " + where + " has dtype " + spec.dtype + ", which edgeflow has no tensors for");
  if (byteLength != n * bytesPerValue(spec))
    throw Error("io: " + where + " needs " + std::to_string(n * bytesPerValue(spec)) + " bytes, got " +
                std::to_string(byteLength));
  const auto count = static_cast<size_t>(n);
  if (spec.quantization) {
    const Quantization& q = *spec.quantization;
    if (q.dtype == "float16") {
      out.f32.resize(count);
      for (size_t i = 0; i < count; ++i) {
        uint16_t h;
        std::memcpy(&h, bytes + 2 * i, 2);
        out.f32[i] = halfToFloat(h);
      }
      return;
    }
    const bool wide = q.dtype == "uint16";
    auto level = [&](size_t i) -> double {
      if (!wide) return bytes[i];
      uint16_t v;
      std::memcpy(&v, bytes + 2 * i, 2);
      return v;
    };
    const double scale = *q.scale, min = *q.min;
    if (spec.dtype == "float32") {  // computed in double and stored as float32, as TF.js does
      out.f32.resize(count);
      for (size_t i = 0; i < count; ++i) out.f32[i] = static_cast<float>(mulAdd(level(i), scale, min));
    } else {  // int32: Math.round(q * scale + min)
      out.i32.resize(count);
      for (size_t i = 0; i < count; ++i) out.i32[i] = jsToInt32(std::floor(mulAdd(level(i), scale, min) + 0.5));
    }
    return;
  }
  if (spec.dtype == "float32") {
    out.f32.resize(count);
    if (count) std::memcpy(out.f32.data(), bytes, count * 4);
  } else if (spec.dtype == "int32") {
    out.i32.resize(count);
    if (count) std::memcpy(out.i32.data(), bytes, count * 4);
  } else {  // bool
    out.u8.resize(count);
    for (size_t i = 0; i < count; ++i) out.u8[i] = bytes[i] != 0;
  }
}

Quantization quantizeFloat32(const float* values, int64_t n, const std::string& dtype, const std::string& name,
                             std::vector<uint8_t>& out) {
  Quantization q;
  q.dtype = dtype;
  q.originalDtype = "float32";
  const auto count = static_cast<size_t>(n);
  if (dtype == "float16") {
    size_t at = out.size();
    out.resize(at + 2 * count);
    for (size_t i = 0; i < count; ++i) {
      uint16_t h = floatToHalf(values[i]);
      std::memcpy(out.data() + at + 2 * i, &h, 2);
    }
    return q;
  }
  if (!isQuantizedInt(dtype))
    throw Error("io: unknown quantization dtype " + quote(dtype) + " (supported: uint8, uint16, float16)");
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (size_t i = 0; i < count; ++i) {
    if (!std::isfinite(values[i]))
      throw Error("io: cannot quantize weight " + quote(name) + " to " + dtype + ": it holds NaN or Infinity");
    lo = std::min(lo, static_cast<double>(values[i]));
    hi = std::max(hi, static_cast<double>(values[i]));
  }
  const double qmax = dtype == "uint8" ? 255.0 : 65535.0;
  const bool wide = dtype == "uint16";
  size_t at = out.size();
  out.resize(at + (wide ? 2 : 1) * count, 0);
  if (count == 0 || lo == hi) {  // a single value: every q is 0
    q.min = count ? lo : 0.0;
    q.scale = 1.0;
    return q;
  }
  double scale = (hi - lo) / qmax;
  double nudgedMin = lo, nudgedMax = hi;
  if (lo <= 0 && 0 <= hi) {  // make 0 exactly representable (TF Lite's nudging)
    double zeroPoint = std::nearbyint((0 - lo) / scale);  // numpy rounds half to even
    nudgedMin = -zeroPoint * scale;
    nudgedMax = mulAdd(qmax, scale, nudgedMin);
  }
  for (size_t i = 0; i < count; ++i) {
    double v = std::clamp(static_cast<double>(values[i]), nudgedMin, nudgedMax);
    double level = std::clamp(std::nearbyint((v - nudgedMin) / scale), 0.0, qmax);
    if (wide) {
      auto u = static_cast<uint16_t>(level);
      std::memcpy(out.data() + at + 2 * i, &u, 2);
    } else {
      out[at + i] = static_cast<uint8_t>(level);
    }
  }
  q.min = nudgedMin;
  q.scale = scale;
  return q;
}

}  // namespace detail

int64_t weightByteLength(const WeightsManifestEntry& spec, const uint8_t* data, size_t available) {
  const std::string where = "weight " + detail::quote(spec.name);
  detail::validateSpec(spec, where);
  int64_t n = detail::elementCount(spec.shape, where);
  if (spec.dtype == "string" && !spec.quantization) {  // [uint32 length][bytes] per element
    uint64_t offset = 0;
    for (int64_t i = 0; i < n; ++i) {
      if (!data || offset + 4 > available)
        throw Error("io: string " + where + " runs past the end of its weight data");
      offset += 4 + uint64_t{detail::readU32(data + offset)};
    }
    if (offset > available) throw Error("io: string " + where + " runs past the end of its weight data");
    return static_cast<int64_t>(offset);
  }
  return n * detail::bytesPerValue(spec);
}

}  // namespace edgeflow::io
