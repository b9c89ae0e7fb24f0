// edgeflow serve: directory listings, in the spirit of Web Server for Chrome's.
#include "serve_listing.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <system_error>
#include <vector>

#include "serve_paths.h"

namespace edgeflow::cli::serve {
namespace fs = std::filesystem;

namespace {

struct Entry {
  std::string name;
  bool isDirectory = false;
  uintmax_t bytes = 0;
};

std::string humanSize(uintmax_t bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  double v = double(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return buf;
}

}  // namespace

std::string directoryListingHtml(std::string_view urlPath, const fs::path& dir, const fs::path& root) {
  std::vector<Entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code statError;
    if (it->is_symlink(statError)) {
      fs::path target = fs::canonical(it->path(), statError);
      if (statError || !isInside(root, target)) continue;  // not served, so not listed either
    }
    fs::file_status st = fs::status(it->path(), statError);  // follows symlinks
    Entry e{name, !statError && fs::is_directory(st), 0};
    if (!statError && fs::is_regular_file(st)) e.bytes = fs::file_size(it->path(), statError);
    entries.push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.isDirectory != b.isDirectory ? a.isDirectory : a.name < b.name;
  });
  std::string title = "Index of " + htmlEscape(urlPath);
  std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title +
      "</title>\n<style>body{font-family:sans-serif}td{padding:2px 12px}td.size{text-align:right}</style>"
      "</head>\n<body><h1>" + title + "</h1>\n<table>\n";
  if (urlPath != "/") html += "<tr><td><a href=\"../\">[parent directory]</a></td><td></td></tr>\n";
  for (const Entry& e : entries) {
    std::string shown = e.name + (e.isDirectory ? "/" : "");
    html += "<tr><td><a href=\"" + htmlEscape(percentEncodePath(e.name)) + (e.isDirectory ? "/" : "") +
            "\">" + htmlEscape(shown) + "</a></td><td class=\"size\">" +
            (e.isDirectory ? "" : humanSize(e.bytes)) + "</td></tr>\n";
  }
  if (ec) html += "<tr><td>(listing incomplete: " + htmlEscape(ec.message()) + ")</td></tr>\n";
  html += "</table>\n</body></html>\n";
  return html;
}

}  // namespace edgeflow::cli::serve
