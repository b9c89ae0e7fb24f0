// PNG/JPEG decoding and PNG encoding of raw 8-bit pixels through stb_image, without tensors (so
// the fuzz target can build it alone). Internal.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace edgeflow::io {

struct RawImage {
  int64_t height = 0, width = 0, channels = 0;
  std::vector<uint8_t> pixels;  // row-major, channels interleaved
};

// channels 0 keeps the stored channel count (1-4); 1, 3 or 4 converts. Throws edgeflow::Error
// naming `name` for empty, non-PNG/JPEG, truncated or corrupt data and for images whose height or
// width exceeds maxDimension.
RawImage decodeRaw(const uint8_t* data, size_t size, int channels, const std::string& name, int64_t maxDimension);

// PNG bytes of 8-bit pixels with 1-4 channels.
std::vector<uint8_t> encodePngRaw(const uint8_t* pixels, int64_t height, int64_t width, int64_t channels,
                                  const std::string& name);

}  // namespace edgeflow::io
