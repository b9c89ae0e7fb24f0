// Helpers shared by the io_*_test.cpp files: where the test models are, temporary directories,
// and catching edgeflow::Error messages.
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

#include "edgeflow/edgeflow.h"
#include "edgeflow/io.h"
#include "unit/error_text.h"

namespace io_test {

namespace fs = std::filesystem;

inline fs::path sourceRoot() { return fs::path(EDGEFLOW_SOURCE_DIR); }
inline fs::path testModels() { return sourceRoot() / "tests" / "data" / "models"; }
// The team's shared data set sits beside the checkout (CI has it there too).
inline fs::path sharedData() { return sourceRoot().parent_path() / "shared" / "data"; }

#define IO_REQUIRE_SHARED_DATA()                                                                         \
  do {                                                                                                   \
    if (!std::filesystem::is_directory(io_test::sharedData()))                                           \
      GTEST_SKIP() << "shared data folder " << io_test::sharedData() << " is absent (CI has it beside the " \
                   << "checkout); these models are too big to copy into tests/data";                       \
  } while (0)

// A fresh directory removed (with its contents) at the end of the test.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("edgeflow_io_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

using edgeflow_test::errorOf;

inline void writeFile(const fs::path& path, const std::string& contents) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

inline void writeBytes(const fs::path& path, const std::vector<uint8_t>& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                              static_cast<std::streamsize>(bytes.size()));
}

inline std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Copies a model directory (model.json + every file beside it) so a test can damage it.
inline void copyDir(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from)) fs::copy_file(e.path(), to / e.path().filename());
  for (const auto& e : fs::directory_iterator(to)) fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
}

}  // namespace io_test
