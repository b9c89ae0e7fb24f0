// Weight paths from manifests (which must stay inside the model's folder), URL schemes, weight
// file names, name patterns and timestamps.
#include <cctype>
#include <chrono>
#include <ctime>

#include "io/io_internal.h"

namespace edgeflow::io {
namespace detail {

bool hasScheme(const std::string& url) {
  auto pos = url.find("://");
  if (pos == std::string::npos || pos == 0) return false;
  for (size_t i = 0; i < pos; ++i) {
    char c = url[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

std::string stripFileScheme(const std::string& path) {
  return path.rfind("file://", 0) == 0 ? path.substr(7) : path;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "." and ".." also when percent-encoded, which an HTTP server would decode.
bool isDotSegment(const std::string& segment, bool twoDots) {
  const std::string s = lower(segment);
  std::string decoded;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "%2e") == 0) {
      decoded.push_back('.');
      i += 2;
    } else {
      decoded.push_back(s[i]);
    }
  }
  return decoded == (twoDots ? ".." : ".");
}

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::string checkWeightPath(const std::string& path, size_t groupIndex, const std::string& source) {
  auto refuse = [&](const std::string& why) {
    return Error("io: " + source + ": weight path " + quote(path) + " in weightsManifest[" + std::to_string(groupIndex) +
                 "] is refused: " + why);
  };
  if (path.empty()) throw refuse("it is empty");
  if (path.find('\0') != std::string::npos) throw refuse("it holds a NUL character");
  if (path.find('\\') != std::string::npos) throw refuse("it holds a backslash");
  if (path[0] == '/') throw refuse("it is absolute; weight files must be inside the model's folder");
  // A colon in the first segment would make it a URL with a scheme (or a drive letter).
  auto firstSlash = path.find('/');
  if (path.substr(0, firstSlash).find(':') != std::string::npos)
    throw refuse("it is a URL or drive path; weight files must be inside the model's folder");
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (isDotSegment(seg, true)) {
      if (parts.empty()) throw refuse("it leaves the model's folder");
      parts.pop_back();
    } else if (!seg.empty() && !isDotSegment(seg, false)) {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  if (parts.empty()) throw refuse("it names no file");
  if (parts[0].find(':') != std::string::npos)  // "a/../b:c" would turn into a URL too
    throw refuse("it is a URL or drive path; weight files must be inside the model's folder");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

bool isWeightFileName(const std::string& name) {
  if (name == "weights.bin" || name == "model.weights.bin") return true;
  std::string_view s = name;
  if (s.size() > 4 && s.substr(s.size() - 4) == ".bin") s.remove_suffix(4);
  if (s.rfind("group", 0) != 0) return false;
  s.remove_prefix(5);
  auto dash = s.find("-shard");
  if (dash == std::string_view::npos || !allDigits(s.substr(0, dash))) return false;
  s.remove_prefix(dash + 6);
  auto of = s.find("of");
  return of != std::string_view::npos && allDigits(s.substr(0, of)) && allDigits(s.substr(of + 2));
}

bool matchesPattern(std::string_view pattern, std::string_view name) {
  size_t p = 0, n = 0, starP = std::string_view::npos, starN = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      starP = p++;
      starN = n;
    } else if (starP != std::string_view::npos) {
      p = starP + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string nowIso8601() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace detail

bool isHTTPScheme(const std::string& url) {
  auto l = url.substr(0, 8);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

}  // namespace edgeflow::io
