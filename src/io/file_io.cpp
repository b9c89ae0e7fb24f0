// Whole-file reads and all-or-nothing multi-file writes.
#include "io/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "edgeflow/types.h"

namespace edgeflow::io::detail {

namespace fs = std::filesystem;

std::vector<uint8_t> readFileBytes(const fs::path& path, const std::string& what) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (!fs::exists(status)) throw Error("io: " + what + " '" + path.string() + "' is missing");
  if (fs::is_directory(status)) throw Error("io: " + what + " '" + path.string() + "' is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("io: cannot open " + what + " '" + path.string() + "': " + std::strerror(errno));
  std::vector<uint8_t> bytes;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), size);
    if (in.gcount() != size) throw Error("io: error reading " + what + " '" + path.string() + "'");
  }
  return bytes;
}

std::string readFileText(const fs::path& path, const std::string& what) {
  auto bytes = readFileBytes(path, what);
  return std::string(bytes.begin(), bytes.end());
}

namespace {

std::atomic<uint64_t> tempCounter{0};

void writeFully(const fs::path& path, const void* data, size_t size) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0644);
  if (fd < 0) throw Error("io: cannot create '" + path.string() + "': " + std::strerror(errno));
  const auto* p = static_cast<const char*>(data);
  size_t left = size;
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      throw Error("io: error writing '" + path.string() + "': " + std::strerror(err));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // Flushed to disk before the rename makes it visible, so a crash never leaves a short file.
  if (::fsync(fd) != 0 && errno != EINVAL && errno != ENOSYS) {
    int err = errno;
    ::close(fd);
    throw Error("io: error flushing '" + path.string() + "': " + std::strerror(err));
  }
  if (::close(fd) != 0) throw Error("io: error closing '" + path.string() + "': " + std::strerror(errno));
}

}  // namespace

AtomicFileSet::~AtomicFileSet() {
  if (committed_) return;
  std::error_code ec;
  for (const auto& f : files_) fs::remove(f.first, ec);
}

void AtomicFileSet::add(const fs::path& target, const void* data, size_t size) {
  std::string name(".");
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += '-';
  name += std::to_string(tempCounter++);
  fs::path temp = target.parent_path() / name;
  writeFully(temp, data, size);
  files_.emplace_back(temp, target);
}

void AtomicFileSet::commit() {
  for (const auto& [temp, target] : files_) {
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) throw Error("io: cannot move '" + temp.string() + "' to '" + target.string() + "': " + ec.message());
  }
  committed_ = true;
}

}  // namespace edgeflow::io::detail
