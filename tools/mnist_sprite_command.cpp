// edgeflow mnist-sprite: LeCun's MNIST idx files (plain or .gz) into the TF.js course's format,
// a grayscale PNG 784 pixels wide with one 28x28 image per row and a file of one-hot uint8 labels,
// 10 bytes per image (what edgeflow::data::MnistData and the course's data.js read).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "data/idx.h"
#include "edgeflow/edgeflow.h"
#include "io/file_io.h"

#ifdef EDGEFLOW_HAVE_ZLIB
#include <zlib.h>
#endif

namespace edgeflow::cli {
namespace {

// Larger than any idx file worth reading; stops a gzip bomb from taking all memory.
constexpr size_t kMaxUnpackedBytes = size_t(1) << 30;

std::vector<uint8_t> gunzip(const std::vector<uint8_t>& packed, const std::string& path) {
#ifdef EDGEFLOW_HAVE_ZLIB
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw Error("cannot initialise zlib to unpack '" + path + "'");
  std::vector<uint8_t> out(packed.size() * 4 + 1024);
  zs.next_in = const_cast<Bytef*>(packed.data());
  zs.avail_in = uInt(packed.size());
  int status = Z_OK;
  while (status == Z_OK) {
    if (zs.total_out == out.size()) {
      if (out.size() >= kMaxUnpackedBytes) break;
      out.resize(std::min(out.size() * 2, kMaxUnpackedBytes));
    }
    zs.next_out = out.data() + zs.total_out;
    zs.avail_out = uInt(out.size() - zs.total_out);
    status = inflate(&zs, Z_NO_FLUSH);
  }
  const size_t produced = zs.total_out;
  const std::string message = zs.msg ? zs.msg : "";
  inflateEnd(&zs);
  if (status != Z_STREAM_END)
    throw Error("idx file '" + path + "': cannot unpack gzip data: " +
                (status == Z_OK ? "more than 1 GiB unpacked"
                 : status == Z_BUF_ERROR ? "truncated"
                                         : "corrupt" + (message.empty() ? "" : " (" + message + ")")));
  out.resize(produced);
  return out;
#else
  (void)packed;
  throw Error("idx file '" + path + "' is gzip-compressed and this build has no zlib: gunzip it first");
#endif
}

data::IdxArray readIdx(const std::string& path) {
  std::vector<uint8_t> bytes = io::detail::readFileBytes(path, "idx file");
  if (data::isGzip(bytes.data(), bytes.size())) bytes = gunzip(bytes, path);
  return data::parseIdx(bytes.data(), bytes.size(), path);
}

void createParent(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

struct SpriteOptions {
  std::string images, labels, outImages, outLabels;
  int64_t count = -1;
};

void run(const SpriteOptions& o) {
  const data::IdxArray images = readIdx(o.images);
  const data::IdxArray labels = readIdx(o.labels);
  const data::MnistSprite sprite = data::mnistSpriteFromIdx(images, labels, o.count, o.images, o.labels);
  createParent(o.outImages);
  createParent(o.outLabels);
  writePng(o.outImages, tensor(sprite.pixels, {sprite.count, 784}, DType::uint8));
  std::ofstream out(o.outLabels, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(sprite.labels.data()), std::streamsize(sprite.labels.size()));
  out.close();
  if (!out) throw Error("cannot write labels file '" + o.outLabels + "'");
  std::printf("%lld images: %s (784 x %lld grayscale PNG), %s (%zu bytes of one-hot labels)\n",
              (long long)sprite.count, o.outImages.c_str(), (long long)sprite.count, o.outLabels.c_str(),
              sprite.labels.size());
}

}  // namespace

void addMnistSpriteCommand(CLI::App& app) {
  auto o = std::make_shared<SpriteOptions>();
  CLI::App* cmd = app.add_subcommand(
      "mnist-sprite", "Build the TF.js course's MNIST sprite PNG and one-hot labels file from idx files");
  cmd->add_option("--images", o->images, "idx3 images file (e.g. t10k-images-idx3-ubyte[.gz])")->required();
  cmd->add_option("--labels", o->labels, "idx1 labels file (e.g. t10k-labels-idx1-ubyte[.gz])")->required();
  cmd->add_option("--out-images", o->outImages, "PNG to write: 784 pixels wide, one 28x28 image per row")
      ->required();
  cmd->add_option("--out-labels", o->outLabels, "file to write: 10 one-hot uint8 bytes per image")->required();
  cmd->add_option("--count", o->count, "the first N images only (default: all)")->check(CLI::Range(int64_t(1), std::numeric_limits<int64_t>::max()));
  cmd->callback([o] { run(*o); });
}

}  // namespace edgeflow::cli
