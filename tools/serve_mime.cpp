// edgeflow serve: the MIME table. Browsers insist on text/javascript for modules and on
// application/wasm for WebAssembly.instantiateStreaming, so those two matter most.
#include "serve_mime.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

namespace edgeflow::cli::serve {

std::string mimeTypeFor(const std::filesystem::path& file) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".cjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".map", "application/json"},
      {".wasm", "application/wasm"},           {".bin", "application/octet-stream"},
      {".txt", "text/plain; charset=utf-8"},   {".md", "text/markdown; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},     {".tsv", "text/tab-separated-values; charset=utf-8"},
      {".xml", "application/xml"},             {".svg", "image/svg+xml"},
      {".png", "image/png"},                   {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},                 {".gif", "image/gif"},
      {".webp", "image/webp"},                 {".ico", "image/x-icon"},
      {".bmp", "image/bmp"},                   {".wav", "audio/wav"},
      {".mp3", "audio/mpeg"},                  {".mp4", "video/mp4"},
      {".webm", "video/webm"},                 {".pdf", "application/pdf"},
      {".zip", "application/zip"},             {".gz", "application/gzip"},
      {".npy", "application/octet-stream"},    {".pb", "application/octet-stream"},
      {".woff", "font/woff"},                  {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
  };
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (const auto& [e, type] : kTypes)
    if (e == ext) return std::string(type);
  return "application/octet-stream";
}

}  // namespace edgeflow::cli::serve
