// decodeImage / encodePng / writePng: image files to and from uint8 tensors, through the stb codec.
#include "edgeflow/image_io.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "edgeflow/kernel.h"
#include "io/image_codec.h"

namespace edgeflow {

Tensor decodeImage(const uint8_t* data, size_t size, int channels, const std::string& name) {
  io::RawImage img = io::decodeRaw(data, size, channels, name, kMaxImageDimension);
  Tensor t = makeTensor({img.height, img.width, img.channels}, DType::uint8);
  std::memcpy(t.mutableData<uint8_t>(), img.pixels.data(), img.pixels.size());
  return t;
}

Tensor decodeImage(const std::vector<uint8_t>& bytes, int channels, const std::string& name) {
  return decodeImage(bytes.data(), bytes.size(), channels, name);
}

Tensor decodeImage(const std::string& path, int channels) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("decodeImage: cannot open " + path);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error("decodeImage: cannot read " + path);
  return decodeImage(bytes.data(), bytes.size(), channels, path);
}

namespace {

// The image's pixels as bytes, with toPixels's value checks (float32 in [0, 1], int32 in [0, 255]).
std::vector<uint8_t> pixelBytes(const Tensor& image, const std::string& name) {
  std::vector<uint8_t> bytes(static_cast<size_t>(image.size()));
  auto bad = [&](double v, const char* range) {
    return Error("encodePng: " + name + ": " + dtypeName(image.dtype()) + " values must be in " + range + ", got " +
                 std::to_string(v));
  };
  switch (image.dtype()) {
    case DType::uint8: std::memcpy(bytes.data(), image.dataPtr<uint8_t>(), bytes.size()); break;
    case DType::int32: {
      const int32_t* p = image.dataPtr<int32_t>();
      for (size_t i = 0; i < bytes.size(); ++i) {
        if (p[i] < 0 || p[i] > 255) throw bad(p[i], "[0, 255]");
        bytes[i] = static_cast<uint8_t>(p[i]);
      }
      break;
    }
    case DType::float32: {
      const float* p = image.dataPtr<float>();
      for (size_t i = 0; i < bytes.size(); ++i) {
        if (!(p[i] >= 0 && p[i] <= 1)) throw bad(p[i], "[0, 1]");
        bytes[i] = static_cast<uint8_t>(std::floor(p[i] * 255.0 + 0.5));
      }
      break;
    }
    default: throw Error("encodePng: " + name + " must be uint8, int32 or float32, got " + dtypeName(image.dtype()));
  }
  return bytes;
}

std::vector<uint8_t> encode(const Tensor& image, const std::string& name) {
  if (image.rank() != 2 && image.rank() != 3)
    throw Error("encodePng: " + name + " must be rank 2 [height, width] or 3 [height, width, channels], got shape " +
                shapeToString(image.shape()));
  int64_t channels = image.rank() == 2 ? 1 : image.shape()[2];
  if (channels < 1 || channels > 4)
    throw Error("encodePng: " + name + " must have 1 to 4 channels, got shape " + shapeToString(image.shape()));
  if (image.size() == 0) throw Error("encodePng: " + name + " has zero size: shape " + shapeToString(image.shape()));
  auto bytes = pixelBytes(image, name);
  return io::encodePngRaw(bytes.data(), image.shape()[0], image.shape()[1], channels, name);
}

}  // namespace

std::vector<uint8_t> encodePng(const Tensor& image) { return encode(image, "image"); }

void writePng(const std::string& path, const Tensor& image) {
  auto bytes = encode(image, path);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error("writePng: cannot open " + path + " for writing");
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw Error("writePng: cannot write " + path);
}

}  // namespace edgeflow
