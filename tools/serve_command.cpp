// edgeflow serve DIR: a static file server with the cross-origin-isolation headers that
// SharedArrayBuffer (threaded wasm) needs, plus an upload endpoint for tf.io.http model saves.
#include <memory>

#include "commands.h"
#include "serve_server.h"

namespace edgeflow::cli {

void addServeCommand(CLI::App& app) {
  auto options = std::make_shared<serve::ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "serve DIR over HTTP (COOP/COEP headers) and store models uploaded by tf.io.http");
  cmd->add_option("dir", options->dir, "directory to serve")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--port", options->port, "port (0 picks a free one)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--host", options->host, "address to bind")->capture_default_str();
  cmd->add_option("--models", options->models, "where uploaded models are stored and served as /models/NAME/ (default DIR/models)");
  cmd->add_option("--max-upload-mb", options->maxUploadMb, "largest accepted upload, in MiB")
      ->capture_default_str()->check(CLI::Range(uint64_t(1), uint64_t(1) << 20));
  cmd->add_flag("--quiet", options->quiet, "do not log requests");
  cmd->callback([options] { serve::runServer(*options); });
}

}  // namespace edgeflow::cli
