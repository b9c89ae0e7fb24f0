// edgeflow serve: the HTTP server behind `edgeflow serve` (cpp-httplib).
#pragma once
#include <cstdint>
#include <string>

namespace edgeflow::cli::serve {

struct ServeOptions {
  std::string dir;                 // served directory
  std::string host = "127.0.0.1";
  int port = 8887;                 // Web Server for Chrome's default; 0 picks a free port
  std::string models;              // where uploads are stored and served (/models/); "" = DIR/models
  uint64_t maxUploadMb = 256;      // cap on one upload request body, in MiB
  bool quiet = false;              // no per-request log lines
};

// Serves until SIGINT or SIGTERM. Prints the URL it listens on first. Throws edgeflow::Error when
// the directory or the address is unusable, or when edgeflow was built without cpp-httplib.
void runServer(const ServeOptions& options);

}  // namespace edgeflow::cli::serve
