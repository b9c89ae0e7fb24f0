// edgeflow serve: URL path -> file below the served directory (see serve_paths.h).
#include "serve_paths.h"

#include <algorithm>
#include <system_error>

namespace edgeflow::cli::serve {
namespace fs = std::filesystem;

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool isUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

}  // namespace

std::optional<std::string> percentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = char(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

std::string percentEncodePath(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (isUnreserved(c) || c == '/') {
      out += char(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string htmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view targetPath(std::string_view target) {
  size_t end = target.find_first_of("?#");
  return end == std::string_view::npos ? target : target.substr(0, end);
}

bool isInside(const fs::path& root, const fs::path& child) {
  auto [r, c] = std::mismatch(root.begin(), root.end(), child.begin(), child.end());
  // A trailing separator of root shows up as an empty last element.
  return r == root.end() || (std::next(r) == root.end() && r->empty());
}

ResolvedPath resolveInside(const fs::path& root, std::string_view urlPath) {
  ResolvedPath out;
  if (urlPath.empty() || urlPath.front() != '/') {
    out.status = PathStatus::BadRequest;
    out.reason = "the path must start with '/'";
    return out;
  }
  std::optional<std::string> decoded = percentDecode(urlPath);
  if (!decoded) {
    out.status = PathStatus::BadRequest;
    out.reason = "the path has a malformed %-escape or a NUL byte";
    return out;
  }
  fs::path candidate = root;
  size_t start = 0;
  const std::string& p = *decoded;
  while (start <= p.size()) {
    size_t slash = p.find('/', start);
    if (slash == std::string::npos) slash = p.size();
    std::string_view segment(p.data() + start, slash - start);
    if (segment == "..") {
      out.status = PathStatus::Forbidden;
      out.reason = "'..' is not allowed in paths";
      return out;
    }
    if (!segment.empty() && segment != ".") candidate /= fs::path(std::string(segment));
    start = slash + 1;
  }
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);
  if (ec) {
    bool missing = ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
    out.status = missing ? PathStatus::NotFound : PathStatus::Forbidden;
    out.reason = missing ? "no such file" : "cannot access the file: " + ec.message();
    return out;
  }
  if (!isInside(root, real)) {
    out.status = PathStatus::Forbidden;
    out.reason = "the path leads outside the served directory";
    return out;
  }
  fs::file_status st = fs::status(real, ec);
  if (ec) {
    out.status = PathStatus::Forbidden;
    out.reason = "cannot access the file: " + ec.message();
    return out;
  }
  out.isDirectory = fs::is_directory(st);
  if (!out.isDirectory && !fs::is_regular_file(st)) {  // fifos and devices could block a worker
    out.status = PathStatus::Forbidden;
    out.reason = "not a regular file";
    return out;
  }
  if (!out.isDirectory && p.size() > 1 && p.back() == '/') {
    out.status = PathStatus::NotFound;
    out.reason = "not a directory";
    return out;
  }
  out.status = PathStatus::Ok;
  out.file = real;
  return out;
}

bool isValidModelName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace edgeflow::cli::serve
