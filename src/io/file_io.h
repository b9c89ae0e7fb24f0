// Reading whole files, and writing a set of files all-or-nothing (temp file + rename).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace edgeflow::io::detail {

// The file's bytes. `what` describes the file in errors ("weight file", "model.json").
std::vector<uint8_t> readFileBytes(const std::filesystem::path& path, const std::string& what);
std::string readFileText(const std::filesystem::path& path, const std::string& what);

// Files are first written to temporary names beside their targets; commit() renames them into
// place in the order they were added. If anything fails (or commit() is never reached) the
// temporary files are removed and the targets are untouched.
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;
  ~AtomicFileSet();
  void add(const std::filesystem::path& target, const void* data, size_t size);
  void commit();

 private:
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files_;  // (temp, target)
  bool committed_ = false;
};

}  // namespace edgeflow::io::detail
