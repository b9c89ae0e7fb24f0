// edgeflow serve: the HTML index of a directory without index.html.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace edgeflow::cli::serve {

// An HTML page titled with urlPath (decoded, ending in '/') linking to every entry of dir:
// directories first, then files with their sizes, each group by name. Names starting with '.'
// (including the upload store's temporary directories) and symlinks leading outside root (canonical)
// are left out.
std::string directoryListingHtml(std::string_view urlPath, const std::filesystem::path& dir,
                                 const std::filesystem::path& root);

}  // namespace edgeflow::cli::serve
