// IDX parsing and the MNIST sprite conversion (see idx.h).
#include "data/idx.h"

#include <cstdio>

#include "edgeflow/types.h"

namespace edgeflow::data {

namespace {

std::string hexBytes(const uint8_t* data, size_t n) {
  std::string out;
  char buf[4];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", data[i]);
    out += (i ? " " : "") + std::string(buf);
  }
  return out;
}

std::string dimsString(const std::vector<int64_t>& dims) {
  std::string out = "[";
  for (size_t i = 0; i < dims.size(); ++i) out += (i ? "," : "") + std::to_string(dims[i]);
  return out + "]";
}

bool knownType(uint8_t code) {
  switch (code) {
    case 0x08: case 0x09: case 0x0B: case 0x0C: case 0x0D: case 0x0E: return true;
    default: return false;
  }
}

}  // namespace

size_t idxElementSize(IdxType type) {
  switch (type) {
    case IdxType::uint8: case IdxType::int8: return 1;
    case IdxType::int16: return 2;
    case IdxType::int32: case IdxType::float32: return 4;
    case IdxType::float64: return 8;
  }
  return 1;
}

const char* idxTypeName(IdxType type) {
  switch (type) {
    case IdxType::uint8: return "uint8";
    case IdxType::int8: return "int8";
    case IdxType::int16: return "int16";
    case IdxType::int32: return "int32";
    case IdxType::float32: return "float32";
    case IdxType::float64: return "float64";
  }
  return "?";
}

bool isGzip(const uint8_t* data, size_t size) { return size >= 2 && data[0] == 0x1f && data[1] == 0x8b; }

IdxArray parseIdx(const uint8_t* data, size_t size, const std::string& name) {
  const std::string where = "idx file '" + name + "': ";
  if (isGzip(data, size)) throw Error(where + "is gzip-compressed: unpack it first (gunzip)");
  if (size < 4) throw Error(where + "truncated: " + std::to_string(size) + " bytes, shorter than the 4-byte magic number");
  if (data[0] != 0 || data[1] != 0 || !knownType(data[2]))
    throw Error(where + "bad magic number " + hexBytes(data, 4) +
                ": expected 00 00, a type code (08 uint8, 09 int8, 0b int16, 0c int32, 0d float32, 0e float64) and "
                "the number of dimensions");
  IdxArray a;
  a.type = static_cast<IdxType>(data[2]);
  const size_t rank = data[3];
  const size_t headerSize = 4 + 4 * rank;
  if (size < headerSize)
    throw Error(where + "truncated header: " + std::to_string(rank) + " dimensions need " +
                std::to_string(headerSize) + " bytes but the file has " + std::to_string(size));
  // The byte count, exactly unless it overflows 64 bits (then no file can hold it).
  const size_t available = size - headerSize;
  uint64_t bytes = idxElementSize(a.type);
  bool overflow = false;
  for (size_t i = 0; i < rank; ++i) {
    const uint8_t* p = data + 4 + 4 * i;
    const uint64_t d = (uint64_t(p[0]) << 24) | (uint64_t(p[1]) << 16) | (uint64_t(p[2]) << 8) | uint64_t(p[3]);
    a.dims.push_back(int64_t(d));
    overflow = __builtin_mul_overflow(bytes, d, &bytes) || overflow;
  }
  for (int64_t d : a.dims) overflow = overflow && d != 0;  // a zero dimension: no data at all
  if (overflow || bytes != available) {
    throw Error(where + (overflow || bytes > available ? "truncated" : "trailing bytes") + ": shape " +
                dimsString(a.dims) + " of " + idxTypeName(a.type) + " needs " +
                (overflow ? "over 2^64" : std::to_string(bytes)) + " bytes of data after the " +
                std::to_string(headerSize) + "-byte header, but the file has " + std::to_string(available));
  }
  a.data.assign(data + headerSize, data + size);
  return a;
}

MnistSprite mnistSpriteFromIdx(const IdxArray& images, const IdxArray& labels, int64_t count,
                               const std::string& imagesName, const std::string& labelsName) {
  if (images.type != IdxType::uint8 || images.dims.size() != 3 || images.dims[1] != 28 || images.dims[2] != 28)
    throw Error("mnist: images '" + imagesName + "' must be uint8 [n,28,28] but are " + idxTypeName(images.type) +
                " " + dimsString(images.dims));
  if (labels.type != IdxType::uint8 || labels.dims.size() != 1)
    throw Error("mnist: labels '" + labelsName + "' must be uint8 [n] but are " + idxTypeName(labels.type) + " " +
                dimsString(labels.dims));
  const int64_t n = images.dims[0];
  if (labels.dims[0] != n)
    throw Error("mnist: images '" + imagesName + "' " + dimsString(images.dims) + " and labels '" + labelsName +
                "' " + dimsString(labels.dims) + " hold different numbers of examples");
  if (count < 0) count = n;
  if (count == 0 || count > n)
    throw Error("mnist: count " + std::to_string(count) + " must be between 1 and the " + std::to_string(n) +
                " images in '" + imagesName + "'");
  MnistSprite sprite;
  sprite.count = count;
  sprite.pixels.assign(images.data.begin(), images.data.begin() + count * 784);
  sprite.labels.assign(size_t(count) * 10, 0);
  for (int64_t i = 0; i < count; ++i) {
    const uint8_t label = labels.data[size_t(i)];
    if (label > 9)
      throw Error("mnist: labels '" + labelsName + "': label " + std::to_string(i) + " is " + std::to_string(label) +
                  ", not a digit 0..9");
    sprite.labels[size_t(i) * 10 + label] = 1;
  }
  return sprite;
}

}  // namespace edgeflow::data
