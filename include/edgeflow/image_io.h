// Image files: PNG and JPEG into uint8 tensors [height, width, channels] and back to PNG. The
// native counterpart of tf.browser.fromPixels / toPixels (decoded by stb_image, so JPEG pixels can
// differ by a few levels from a browser's or libjpeg's decoder).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

// Images larger than this in either dimension are rejected before decoding.
constexpr int64_t kMaxImageDimension = 16384;

// channels: 0 = as stored (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA), or 1, 3, 4 to convert. `name`
// only labels error messages. Throws edgeflow::Error for empty, truncated, corrupt, oversized or
// non-PNG/JPEG data.
Tensor decodeImage(const uint8_t* data, size_t size, int channels = 0, const std::string& name = "image");
Tensor decodeImage(const std::vector<uint8_t>& bytes, int channels = 0, const std::string& name = "image");
// Reads and decodes the file at path; errors name the file.
Tensor decodeImage(const std::string& path, int channels = 0);

// PNG bytes of image [height, width] or [height, width, channels] with 1 to 4 channels: uint8
// as is, int32 in [0, 255], or float32 in [0, 1] (scaled by 255 and rounded, as toPixels).
std::vector<uint8_t> encodePng(const Tensor& image);
void writePng(const std::string& path, const Tensor& image);

}  // namespace edgeflow
