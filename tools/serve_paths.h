// edgeflow serve: pure helpers for mapping request URLs to files confined to a root directory.
// No sockets here, so they are unit-tested directly (tests/serve/serve_paths_test.cpp).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace edgeflow::cli::serve {

// Decodes %XX escapes ('+' stays '+': it is only a space in query strings). nullopt for a bad
// escape (%G1, a trailing %) or a decoded NUL byte, which no file name may contain.
std::optional<std::string> percentDecode(std::string_view text);

// Escapes everything but unreserved characters and '/' (for links in listings and redirects).
std::string percentEncodePath(std::string_view path);

std::string htmlEscape(std::string_view text);

// The path part of a request target ("/a/b?x=1" -> "/a/b"), still percent-encoded.
std::string_view targetPath(std::string_view target);

enum class PathStatus { Ok, BadRequest, Forbidden, NotFound };

struct ResolvedPath {
  PathStatus status = PathStatus::NotFound;
  std::filesystem::path file;  // canonical; set when status is Ok
  bool isDirectory = false;
  std::string reason;          // why it was refused, for the error page
};

// Maps a percent-encoded URL path ("/models/m1/model.json") below `root` (which must be
// canonical). Refuses (Forbidden) any ".." segment, also when percent-encoded, and any path whose
// canonical form (symlinks resolved) leaves root; missing files are NotFound.
ResolvedPath resolveInside(const std::filesystem::path& root, std::string_view urlPath);

// True when `child` (canonical) is root itself or lies below it.
bool isInside(const std::filesystem::path& root, const std::filesystem::path& child);

// Model names for uploads: 1..64 characters from [A-Za-z0-9_-].
bool isValidModelName(std::string_view name);

}  // namespace edgeflow::cli::serve
