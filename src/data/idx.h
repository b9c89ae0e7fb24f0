// IDX files (the format of LeCun's MNIST files): two zero bytes, a type code, the number of
// dimensions, each dimension as a big-endian uint32, then the values in C order (big-endian).
// Also turns MNIST's image and label arrays into the TF.js course's sprite format. No tensors
// here, so the fuzzer links this file alone.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace edgeflow::data {

enum class IdxType : uint8_t { uint8 = 0x08, int8 = 0x09, int16 = 0x0B, int32 = 0x0C, float32 = 0x0D, float64 = 0x0E };

struct IdxArray {
  IdxType type = IdxType::uint8;
  std::vector<int64_t> dims{};
  std::vector<uint8_t> data{};  // the values as stored (big-endian), product(dims) * elementSize
};

size_t idxElementSize(IdxType type);
const char* idxTypeName(IdxType type);

// Parses a whole IDX file. Throws edgeflow::Error naming `name` for a bad magic number (including
// a gzip file that was not unpacked), an unknown type code, a truncated header or data, and bytes
// after the data.
IdxArray parseIdx(const uint8_t* data, size_t size, const std::string& name = "idx");

// True when the bytes start like a gzip stream (1f 8b).
bool isGzip(const uint8_t* data, size_t size);

// The course's sprite format: `pixels` holds `count` rows of 784 uint8 pixels (one 28x28 image
// per row), `labels` 10 bytes per image, the label's byte 1 and the others 0.
struct MnistSprite {
  int64_t count = 0;
  std::vector<uint8_t> pixels{};
  std::vector<uint8_t> labels{};
};

// From an images array [n, 28, 28] and a labels array [n] (both uint8, labels 0..9); the first
// `count` images (count < 0: all). Errors name the files and the shapes.
MnistSprite mnistSpriteFromIdx(const IdxArray& images, const IdxArray& labels, int64_t count = -1,
                               const std::string& imagesName = "images", const std::string& labelsName = "labels");

}  // namespace edgeflow::data
