// The one translation unit holding stb_image and stb_image_write (static, PNG and JPEG only, no
// stdio) and the raw codec built on them.
#include "io/image_codec.h"

#include <cstring>

#include "edgeflow/types.h"

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 16384
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#if defined(__clang__)
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
// Debian's libstb-dev. The wasm build keeps /usr/include off its include path, so it reaches the
// same header by its absolute path unless stb is linked into build*/deps-include.
#if __has_include(<stb/stb_image.h>)
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#else
#include "/usr/include/stb/stb_image.h"
#include "/usr/include/stb/stb_image_write.h"
#endif
#pragma GCC diagnostic pop

namespace edgeflow::io {
namespace {

bool isPng(const uint8_t* d, size_t n) {
  static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  return n >= 8 && std::memcmp(d, sig, 8) == 0;
}
bool isJpeg(const uint8_t* d, size_t n) { return n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff; }

// Debian's stb_image 2.27 overflows its Huffman tables on a DHT segment declaring more than 256
// codes (fixed upstream in 2.28). This walks the JPEG's markers as stb reads them (segments by
// their length, entropy-coded data up to the next marker that is not a stuffed 0 or a restart)
// and rejects such tables before stb sees them. Where stb would stop with an error anyway, the
// walk may go on: it only ever checks more tables than stb builds.
void checkJpegHuffmanTables(const uint8_t* d, size_t n, const std::string& where) {
  auto at = [&](size_t i) -> size_t { return i < n ? d[i] : 0; };  // stb reads 0 past the end
  size_t p = 2;                                                      // after SOI
  while (p < n) {
    if (d[p] != 0xff) {
      ++p;
      continue;
    }
    while (p < n && d[p] == 0xff) ++p;  // fill bytes
    if (p >= n) break;
    size_t m = d[p++];
    if (m == 0xd9) break;                                     // EOI
    if (m == 0x00 || m == 0x01 || (m >= 0xd0 && m <= 0xd8)) continue;  // no length
    size_t length = at(p) << 8 | at(p + 1);
    if (m == 0xc4) {  // DHT: tables while stb's remaining length is positive
      int64_t remaining = static_cast<int64_t>(length) - 2;
      size_t q = p + 2;
      while (remaining > 0) {
        size_t tcth = at(q);
        if ((tcth >> 4) > 1 || (tcth & 15) > 3) break;  // stb rejects the segment first
        size_t codes = 0;
        for (size_t i = 1; i <= 16; ++i) codes += at(q + i);
        if (codes > 256)
          throw Error(where + ": corrupt JPEG (a Huffman table declares " + std::to_string(codes) + " codes, at most 256)");
        q += 17 + codes;
        remaining -= static_cast<int64_t>(17 + codes);
      }
    }
    p += length;
    if (m == 0xda)  // entropy-coded data
      while (p + 1 < n && !(d[p] == 0xff && d[p + 1] != 0 && (d[p + 1] < 0xd0 || d[p + 1] > 0xd7))) ++p;
  }
}

std::string reason() {
  const char* r = stbi_failure_reason();
  return r ? r : "unknown error";
}

}  // namespace

RawImage decodeRaw(const uint8_t* data, size_t size, int channels, const std::string& name, int64_t maxDimension) {
  const std::string where = "decodeImage: " + name;
  if (channels != 0 && channels != 1 && channels != 3 && channels != 4)
    throw Error(where + ": channels must be 0 (as stored), 1, 3 or 4, got " + std::to_string(channels));
  if (size == 0) throw Error(where + " is empty (0 bytes)");
  bool png = isPng(data, size);
  if (!png && !isJpeg(data, size)) throw Error(where + " is not a PNG or JPEG image (unrecognised signature)");
  const char* format = png ? "PNG" : "JPEG";
  if (size > static_cast<size_t>(INT32_MAX)) throw Error(where + " is too large (" + std::to_string(size) + " bytes)");
  if (!png) checkJpegHuffmanTables(data, size, where);
  int w = 0, h = 0, stored = 0;
  // The format's own header reader, so that its failure reason survives (stbi_info's is generic).
  stbi__context ctx;
  stbi__start_mem(&ctx, data, static_cast<int>(size));
  if (!(png ? stbi__png_info(&ctx, &w, &h, &stored) : stbi__jpeg_info(&ctx, &w, &h, &stored))) {
    std::string r = reason();
    if (r == "0-pixel image" || r == "0 width" || r == "no header height")
      throw Error(where + ": " + format + " has zero size (" + r + ")");
    if (r == "too large")
      throw Error(where + ": " + format + " image is too large (more than " + std::to_string(STBI_MAX_DIMENSIONS) +
                  " pixels per side, or too many bytes)");
    throw Error(where + ": truncated or corrupt " + format + " header (" + r + ")");
  }
  if (w <= 0 || h <= 0) throw Error(where + ": " + format + " has zero size (" + std::to_string(w) + "x" + std::to_string(h) + ")");
  if (w > maxDimension || h > maxDimension)
    throw Error(where + ": " + format + " image " + std::to_string(w) + "x" + std::to_string(h) +
                " is too large (at most " + std::to_string(maxDimension) + " pixels per side)");
  int got = 0;
  stbi_uc* pixels = stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &got, channels);
  if (!pixels) throw Error(where + ": truncated or corrupt " + format + " data (" + reason() + ")");
  RawImage img;
  img.height = h, img.width = w, img.channels = channels ? channels : got;
  img.pixels.assign(pixels, pixels + static_cast<size_t>(img.height * img.width * img.channels));
  stbi_image_free(pixels);
  return img;
}

std::vector<uint8_t> encodePngRaw(const uint8_t* pixels, int64_t height, int64_t width, int64_t channels,
                                  const std::string& name) {
  if (channels < 1 || channels > 4)
    throw Error("encodePng: " + name + " must have 1 to 4 channels, got " + std::to_string(channels));
  if (height < 1 || width < 1 || height > INT32_MAX / 4 || width > INT32_MAX / 4 / channels)
    throw Error("encodePng: " + name + " has unsupported size " + std::to_string(height) + "x" + std::to_string(width));
  std::vector<uint8_t> out;
  auto append = [](void* ctx, void* data, int n) {
    auto* v = static_cast<std::vector<uint8_t>*>(ctx);
    v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + n);
  };
  int ok = stbi_write_png_to_func(append, &out, static_cast<int>(width), static_cast<int>(height),
                                  static_cast<int>(channels), pixels, static_cast<int>(width * channels));
  if (!ok) throw Error("encodePng: " + name + ": PNG encoding failed (out of memory?)");
  return out;
}

}  // namespace edgeflow::io
