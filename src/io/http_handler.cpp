// tf.io.http: model.json and its shards over HTTP(S) with cpp-httplib (native builds that link
// it: EDGEFLOW_HAVE_HTTPLIB). The WebAssembly build has no sockets: it reports a clear error.
#include "io/io_internal.h"

#if defined(EDGEFLOW_HAVE_HTTPLIB) && !defined(__EMSCRIPTEN__)
#define EDGEFLOW_IO_HTTP 1
#include <httplib.h>
#endif

namespace edgeflow::io {

using detail::quote;

namespace detail {

std::pair<std::string, std::string> splitUrl(const std::string& url) {
  auto lastSlash = url.rfind('/');
  auto lastQuery = url.rfind('?');
  std::string prefix = (lastSlash == std::string::npos ? std::string() : url.substr(0, lastSlash)) + "/";
  std::string suffix =
      lastQuery != std::string::npos && (lastSlash == std::string::npos || lastQuery > lastSlash) ? url.substr(lastQuery) : "";
  return {prefix, suffix};
}

}  // namespace detail

namespace {

[[noreturn, maybe_unused]] void unavailable() {
#ifdef __EMSCRIPTEN__
  throw Error("io.http: HTTP is not available in the WebAssembly build; fetch model.json and its weight files in "
              "JavaScript and pass them to io::fromMemory");
#else
  throw Error("io.http: this edgeflow was built without cpp-httplib (install libcpp-httplib-dev and reconfigure)");
#endif
}

#ifdef EDGEFLOW_IO_HTTP

struct Url {
  std::string schemeHostPort;  // "http://host:port"
  std::string target;          // "/path?query"
  bool https = false;
};

Url parseHttpUrl(const std::string& url) {
  if (!isHTTPScheme(url)) throw Error("io.http: " + quote(url) + " is not an http:// or https:// URL");
  auto schemeEnd = url.find("://");
  Url u;
  std::string scheme = url.substr(0, schemeEnd);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  u.https = scheme == "https";
  auto hostStart = schemeEnd + 3;
  auto hostEnd = url.find_first_of("/?#", hostStart);
  std::string host = url.substr(hostStart, hostEnd == std::string::npos ? std::string::npos : hostEnd - hostStart);
  if (host.empty()) throw Error("io.http: " + quote(url) + " has no host");
  u.schemeHostPort = scheme + "://" + host;
  u.target = hostEnd == std::string::npos ? "/" : url.substr(hostEnd);
  if (auto hash = u.target.find('#'); hash != std::string::npos) u.target.erase(hash);
  if (u.target.empty() || u.target[0] != '/') u.target = "/" + u.target;
  if (u.https && !httpsSupported())
    throw Error("io.http: HTTPS is not supported by this build (cpp-httplib without OpenSSL): " + quote(url));
  return u;
}

httplib::Client makeClient(const Url& u, const LoadOptions& options) {
  httplib::Client client(u.schemeHostPort);
  client.set_connection_timeout(options.timeoutSeconds, 0);
  client.set_read_timeout(options.timeoutSeconds, 0);
  client.set_write_timeout(options.timeoutSeconds, 0);
  client.set_follow_location(true);
  return client;
}

httplib::Headers headersOf(const LoadOptions& options) {
  httplib::Headers h;
  for (const auto& [k, v] : options.requestHeaders) h.emplace(k, v);
  return h;
}

#endif

class HttpHandler : public IOHandler {
 public:
  HttpHandler(std::string url, LoadOptions options) : url_(std::move(url)), options_(std::move(options)) {}
  bool canLoad() const override { return true; }
  bool canSave() const override { return true; }

  ModelArtifacts load() override {
    auto body = detail::httpGet(url_, options_, "model JSON");
    ModelJSON m = parseModelJSON(std::string_view(reinterpret_cast<const char*>(body.data()), body.size()), url_);
    std::optional<std::vector<uint8_t>> data;
    if (m.weightsManifest) {
      auto [prefix, suffix] = detail::splitUrl(url_);
      std::string base = options_.weightPathPrefix.empty() ? prefix : options_.weightPathPrefix;
      if (base.back() != '/') base += '/';
      auto fetch = [&, suffix = suffix](const std::string& rel) {
        std::string url = options_.weightUrlConverter ? options_.weightUrlConverter(rel) : base + rel + suffix;
        return detail::httpGet(url, options_, "weight file");
      };
      data = detail::fetchWeights(*m.weightsManifest, fetch, url_, {}, options_.onProgress).data;
    }
    return getModelArtifactsForJSON(m, std::move(data));
  }

  SaveResult save(const ModelArtifacts& artifacts) override {
#ifdef EDGEFLOW_IO_HTTP
    // As TF.js: one multipart POST with model.json and model.weights.bin.
    WeightsManifestConfig manifest;
    if (artifacts.weightSpecs) manifest.push_back({{"./model.weights.bin"}, *artifacts.weightSpecs});
    std::string json = detail::dumpJson(toJson(getModelJSONForModelArtifacts(artifacts, manifest)));
    std::string weights;
    if (artifacts.weightData) weights.assign(artifacts.weightData->begin(), artifacts.weightData->end());
    httplib::MultipartFormDataItems items{{"model.json", json, "model.json", "application/json"},
                                          {"model.weights.bin", weights, "model.weights.bin", "application/octet-stream"}};
    Url u = parseHttpUrl(url_);
    auto client = makeClient(u, options_);
    auto res = client.Post(u.target, headersOf(options_), items);
    if (!res) throw Error("io.http: save to " + quote(url_) + " failed: " + httplib::to_string(res.error()));
    if (res->status < 200 || res->status >= 300)
      throw Error("io.http: save to " + quote(url_) + " failed due to HTTP response status " + std::to_string(res->status));
    SaveResult result;
    result.modelArtifactsInfo = getModelArtifactsInfoForJSON(artifacts);
    result.files = {url_};
    return result;
#else
    (void)artifacts;
    unavailable();
#endif
  }

 private:
  std::string url_;
  LoadOptions options_;
};

}  // namespace

namespace detail {

std::vector<uint8_t> httpGet(const std::string& url, const LoadOptions& options, const std::string& what) {
#ifdef EDGEFLOW_IO_HTTP
  Url u = parseHttpUrl(url);
  auto client = makeClient(u, options);
  auto res = client.Get(u.target, headersOf(options));
  if (!res) throw Error("io.http: request for " + what + " " + quote(url) + " failed: " + httplib::to_string(res.error()));
  if (res->status != 200) {
    std::string hint = what == "model JSON" ? ". Please verify this URL points to the model JSON of the model to load." : "";
    throw Error("io.http: request for " + what + " " + quote(url) + " failed with status code " +
                std::to_string(res->status) + hint);
  }
  return std::vector<uint8_t>(res->body.begin(), res->body.end());
#else
  (void)url, (void)options, (void)what;
  unavailable();
#endif
}

}  // namespace detail

bool httpSupported() {
#ifdef EDGEFLOW_IO_HTTP
  return true;
#else
  return false;
#endif
}

bool httpsSupported() {
#if defined(EDGEFLOW_IO_HTTP) && defined(CPPHTTPLIB_OPENSSL_SUPPORT)
  return true;
#else
  return false;
#endif
}

IOHandlerPtr http(const std::string& url, const LoadOptions& options) {
  if (url.empty()) throw Error("io.http: URL path for http must not be empty");
  if (!isHTTPScheme(url)) throw Error("io.http: " + quote(url) + " is not an http:// or https:// URL");
  return std::make_shared<HttpHandler>(url, options);
}

}  // namespace edgeflow::io
