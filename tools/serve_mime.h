// edgeflow serve: Content-Type by file extension.
#pragma once
#include <filesystem>
#include <string>

namespace edgeflow::cli::serve {

// The MIME type for a file name, by its (case-insensitive) extension; text types carry
// "; charset=utf-8". Unknown extensions are application/octet-stream.
std::string mimeTypeFor(const std::filesystem::path& file);

}  // namespace edgeflow::cli::serve
