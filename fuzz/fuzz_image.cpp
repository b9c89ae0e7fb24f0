// libFuzzer target for image decoding (stb_image through src/io/image_codec.cpp). Besides "no
// crash, no sanitizer report, only edgeflow::Error", it checks that a decoded image has the size
// and channels it claims and that encoding it as PNG and decoding that gives the same pixels.
// The requested channel count (0, 1, 3, 4) comes from the input's length, so raw PNG and JPEG
// files work as seeds (tests/data/images).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "edgeflow/types.h"
#include "io/image_codec.h"

using edgeflow::io::RawImage;

namespace {
// Keeps each run's memory small; the cap itself is part of what is tested.
constexpr int64_t kMaxDimension = 2048;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int kChannels[4] = {0, 1, 3, 4};
  int channels = kChannels[size % 4];
  RawImage img;
  try {
    img = edgeflow::io::decodeRaw(data, size, channels, "fuzz", kMaxDimension);
  } catch (const edgeflow::Error&) {
    return 0;
  }
  if (img.height < 1 || img.width < 1 || img.height > kMaxDimension || img.width > kMaxDimension) std::abort();
  if (img.channels < 1 || img.channels > 4 || (channels != 0 && img.channels != channels)) std::abort();
  if (img.pixels.size() != static_cast<size_t>(img.height * img.width * img.channels)) std::abort();
  auto png = edgeflow::io::encodePngRaw(img.pixels.data(), img.height, img.width, img.channels, "fuzz");
  RawImage back = edgeflow::io::decodeRaw(png.data(), png.size(), 0, "round trip", kMaxDimension);
  if (back.height != img.height || back.width != img.width || back.channels != img.channels ||
      back.pixels != img.pixels)
    std::abort();
  return 0;
}
