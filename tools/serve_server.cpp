// edgeflow serve: routes requests to static files (serve_paths, serve_mime, serve_listing) and
// uploads (serve_upload) over cpp-httplib. Only this file includes httplib.h (it needs
// pkg-config's -D flags, see tools/CMakeLists.txt).
#include "serve_server.h"

#include "edgeflow/types.h"

#ifndef EDGEFLOW_HAVE_HTTPLIB

namespace edgeflow::cli::serve {
void runServer(const ServeOptions&) {
  throw Error("serve: this edgeflow was built without cpp-httplib (install libcpp-httplib-dev and reconfigure)");
}
}  // namespace edgeflow::cli::serve

#else

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <httplib.h>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "serve_listing.h"
#include "serve_mime.h"
#include "serve_paths.h"
#include "serve_upload.h"

namespace edgeflow::cli::serve {
namespace fs = std::filesystem;

namespace {

constexpr size_t kPoolThreads = 16;  // idle keep-alive connections each hold one

int pipeFds[2] = {-1, -1};  // the signal handler wakes the stopping thread through this

extern "C" void onStopSignal(int) {
  char c = 1;
  [[maybe_unused]] ssize_t n = ::write(pipeFds[1], &c, 1);
}

const char* reasonOf(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    default: return status >= 500 ? "Server Error" : "Error";
  }
}

void htmlError(httplib::Response& res, int status, const std::string& why) {
  res.status = status;
  std::string title = std::to_string(status) + " " + reasonOf(status);
  res.set_content("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" +
                      title + "</h1><p>" + htmlEscape(why) + "</p></body></html>\n",
                  "text/html; charset=utf-8");
}

void jsonError(httplib::Response& res, int status, const std::string& why) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", why}}.dump() + "\n", "application/json");
}

// Printable form of a request target for the log (it may hold control bytes).
std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s.substr(0, 300)) out += (c >= 0x20 && c < 0x7f) ? char(c) : '?';
  return s.size() > 300 ? out + "..." : out;
}

void sendFile(httplib::Response& res, const fs::path& file) {
  auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
  std::error_code ec;
  uintmax_t size = fs::file_size(file, ec);
  if (!*in || ec) return htmlError(res, 403, "cannot read the file");
  res.status = 200;
  res.set_content_provider(size_t(size), mimeTypeFor(file), [in](size_t offset, size_t length, httplib::DataSink& sink) {
    char buf[65536];
    in->clear();
    in->seekg(std::streamoff(offset));
    size_t n = std::min(length, sizeof buf);
    in->read(buf, std::streamsize(n));
    if (in->gcount() <= 0) return false;  // the file shrank meanwhile
    return sink.write(buf, size_t(in->gcount()));
  });
}

class Server {
 public:
  explicit Server(const ServeOptions& o)
      : root_(fs::canonical(o.dir)),
        modelsDir_(o.models.empty() ? root_ / "models" : fs::absolute(o.models)),
        store_(modelsDir_),
        maxBytes_(o.maxUploadMb << 20),
        quiet_(o.quiet) {}

  void configure(httplib::Server& svr) {
    svr.new_task_queue = [] { return new httplib::ThreadPool(kPoolThreads); };
    svr.set_default_headers({{"Cross-Origin-Opener-Policy", "same-origin"},
                             {"Cross-Origin-Embedder-Policy", "require-corp"},
                             {"Cross-Origin-Resource-Policy", "same-origin"},
                             {"X-Content-Type-Options", "nosniff"},
                             {"Cache-Control", "no-cache"}});
    // httplib's default also sets SO_REUSEPORT, which would let a second server share a busy port.
    svr.set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    svr.set_payload_max_length(maxBytes_);
    svr.set_read_timeout(10);
    svr.set_write_timeout(10);
    svr.set_keep_alive_timeout(2);
    // GET and HEAD are answered here, before httplib's own routing, so no regex sees the path.
    svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.method != "GET" && req.method != "HEAD") return httplib::Server::HandlerResponse::Unhandled;
      serveStatic(req, res);
      return httplib::Server::HandlerResponse::Handled;
    });
    svr.Post("/upload/([^/]*)", [this](const httplib::Request& req, httplib::Response& res,
                                       const httplib::ContentReader& reader) { upload(req, res, reader); });
    svr.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty() || res.has_header("Content-Length")) return httplib::Server::HandlerResponse::Unhandled;
      htmlError(res, res.status, res.status == 404 ? "no such page (uploads go to POST /upload/NAME)" : "the request was not understood");
      return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what += std::string(": ") + e.what();
      } catch (...) {
      }
      htmlError(res, 500, what);
    });
    if (!quiet_)
      svr.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        std::lock_guard lock(logMutex_);
        std::cout << req.method << ' ' << printable(req.target) << ' ' << res.status << std::endl;
      });
  }

  const fs::path& root() const { return root_; }
  const fs::path& modelsDir() const { return modelsDir_; }

 private:
  void serveStatic(const httplib::Request& req, httplib::Response& res) {
    std::string path(targetPath(req.target));
    fs::path base = root_;
    std::string sub = path;
    if (path == "/models" || path.rfind("/models/", 0) == 0) {  // the model store, wherever it is
      std::error_code ec;
      base = fs::canonical(modelsDir_, ec);
      if (ec) base = modelsDir_;  // not created yet: resolveInside still refuses "..", then finds nothing
      sub = path.size() > 7 ? path.substr(7) : "/";
    }
    ResolvedPath r = resolveInside(base, sub);
    switch (r.status) {
      case PathStatus::BadRequest: return htmlError(res, 400, r.reason);
      case PathStatus::Forbidden: return htmlError(res, 403, r.reason);
      case PathStatus::NotFound: return htmlError(res, 404, r.reason);
      case PathStatus::Ok: break;
    }
    if (!r.isDirectory) return sendFile(res, r.file);
    if (path.back() != '/') {  // relative links in the page need the slash
      std::string query = req.target.substr(path.size());
      size_t start = path.find_first_not_of('/');  // "//host" would redirect off-site
      res.set_redirect("/" + path.substr(start) + "/" + query, 301);
      return;
    }
    ResolvedPath index = resolveInside(base, sub + "index.html");
    if (index.status == PathStatus::Ok && !index.isDirectory) return sendFile(res, index.file);
    res.status = 200;
    res.set_content(directoryListingHtml(*percentDecode(path), r.file, base), "text/html; charset=utf-8");
  }

  void upload(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    std::string name = req.matches.size() > 1 ? req.matches[1].str() : "";
    std::string overwriteParam = req.has_param("overwrite") ? req.get_param_value("overwrite") : "0";
    bool overwrite = overwriteParam == "1" || overwriteParam == "true";
    std::optional<ModelStore::Upload> up;
    std::string refusal;
    int refusalStatus = 400;
    if (!isValidModelName(name)) {
      refusal = "the model name '" + printable(name) + "' must be 1 to 64 letters, digits, '-' or '_' (POST /upload/NAME)";
    } else if (!req.is_multipart_form_data()) {
      refusalStatus = 415;
      refusal = "the body must be multipart/form-data with 'model.json' and 'model.weights.bin' parts, as tf.io.http sends";
    } else {
      up.emplace(store_, name, maxBytes_);
    }
    // The body is always read (dropped when refused) so the client gets the answer, not a reset.
    uint64_t drained = 0;
    auto drain = [&](const char*, size_t n) { return (drained += n) <= 4 * maxBytes_; };
    bool readOk;
    if (req.is_multipart_form_data()) {  // httplib needs the multipart reader for such bodies
      readOk = reader(
          [&](const httplib::MultipartFormData& part) {
            if (up) up->beginPart(part.name);
            return true;
          },
          [&](const char* data, size_t n) { return up ? up->write(data, n) : drain(data, n); });
    } else {
      readOk = reader(drain);
    }
    if (res.status == 413 || (!up && drained > maxBytes_))
      return jsonError(res, 413, "the upload is larger than the cap of " + std::to_string(maxBytes_) + " bytes (--max-upload-mb)");
    if (!up) return jsonError(res, refusalStatus, refusal);
    if (!readOk && !up->failed()) up->fail(400, "the multipart/form-data body is malformed or truncated");
    try {
      bool replaced = false;
      std::string description = up->commit(overwrite, &replaced);
      res.status = replaced ? 200 : 201;
      res.set_content(description + "\n", "application/json");
      if (!quiet_) {
        std::lock_guard lock(logMutex_);
        std::cout << "stored model '" << name << "' in " << (modelsDir_ / name).string() << std::endl;
      }
    } catch (const UploadError& e) {
      jsonError(res, e.status, e.what());
    }
  }

  fs::path root_, modelsDir_;
  ModelStore store_;
  uint64_t maxBytes_;
  bool quiet_;
  std::mutex logMutex_;
};

std::string urlHost(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

void runServer(const ServeOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(options.dir, ec)) throw Error("serve: " + options.dir + " is not a directory");
  Server server(options);
  httplib::Server svr;
  server.configure(svr);
  int port = options.port;
  if (port == 0) port = svr.bind_to_any_port(options.host);
  else if (!svr.bind_to_port(options.host, port)) port = -1;
  if (port <= 0)
    throw Error("serve: cannot listen on " + options.host + ":" + std::to_string(options.port) +
                " (port in use, or --host is not an address of this machine)");

  if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw Error(std::string("serve: pipe: ") + std::strerror(errno));
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  struct sigaction oldInt {}, oldTerm {};
  ::sigaction(SIGINT, &action, &oldInt);
  ::sigaction(SIGTERM, &action, &oldTerm);
  ::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the server
  std::thread stopper([&svr] {
    char c;
    while (::read(pipeFds[0], &c, 1) < 0 && errno == EINTR) {
    }
    svr.stop();
  });

  std::cout << "edgeflow serve: serving " << server.root().string() << " at http://" << urlHost(options.host) << ':'
            << port << "/" << std::endl;
  std::cout << "models: POST /upload/NAME stores into " << server.modelsDir().string()
            << ", served at /models/NAME/model.json (press Ctrl-C to stop)" << std::endl;
  bool ok = svr.listen_after_bind();
  onStopSignal(0);  // wake the stopper if listening ended on its own
  stopper.join();
  ::sigaction(SIGINT, &oldInt, nullptr);
  ::sigaction(SIGTERM, &oldTerm, nullptr);
  ::close(pipeFds[0]);
  ::close(pipeFds[1]);
  std::cout << "edgeflow serve: stopped" << std::endl;
  if (!ok) throw Error("serve: the server failed while listening");
}

}  // namespace edgeflow::cli::serve

#endif  // EDGEFLOW_HAVE_HTTPLIB
