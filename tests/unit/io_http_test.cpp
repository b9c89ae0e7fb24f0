// io::http against a cpp-httplib server started on 127.0.0.1 inside the test (never any other
// address): loading model.json and shards relative to its URL, query strings, weightPathPrefix,
// request headers, HTTP errors, refused weight paths, and TF.js-style multipart save.
#include "io_test_util.h"

#if defined(EDGEFLOW_HAVE_HTTPLIB) && !defined(__EMSCRIPTEN__)
#include <httplib.h>

#include <mutex>
#include <thread>
#endif

using namespace edgeflow;
using namespace io_test;

#if defined(EDGEFLOW_HAVE_HTTPLIB) && !defined(__EMSCRIPTEN__)

namespace {

// Serves files of a directory; records request targets; optionally requires a header.
class LocalServer {
 public:
  explicit LocalServer(fs::path root) : root_(std::move(root)) {
    server_.Get(R"(/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        targets_.push_back(req.target);
      }
      if (!requiredToken_.empty() && req.get_header_value("X-Token") != requiredToken_) {
        res.status = 401;
        return;
      }
      fs::path file = root_ / req.matches[1].str();
      if (!fs::is_regular_file(file)) {
        res.status = 404;
        return;
      }
      res.set_content(readText(file), "application/octet-stream");
    });
    server_.Post("/upload", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& [name, file] : req.files) uploads_[name] = file.content;
      res.status = 200;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + "/" + path; }
  std::vector<std::string> targets() {
    std::lock_guard<std::mutex> lock(mutex_);
    return targets_;
  }
  std::map<std::string, std::string> uploads() {
    std::lock_guard<std::mutex> lock(mutex_);
    return uploads_;
  }
  void requireToken(std::string token) { requiredToken_ = std::move(token); }

 private:
  fs::path root_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> targets_;
  std::map<std::string, std::string> uploads_;
  std::string requiredToken_;
};

io::ModelArtifacts smallModel() {
  std::vector<float> v(40);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i) * 0.5f - 3;
  auto enc = io::encodeWeights({{"dense/kernel", tensor(v, {8, 5})}});
  io::ModelArtifacts a;
  a.modelTopology = io::Json::parse(R"({"class_name":"Sequential","config":{"name":"s","layers":[]}})");
  a.format = "layers-model";
  a.weightSpecs = enc.specs;
  a.weightData = enc.data;
  return a;
}

}  // namespace

TEST(IoHttp, LoadsModelAndShardsRelativeToTheUrl) {
  ASSERT_TRUE(io::httpSupported());
  TempDir root;
  auto a = smallModel();
  io::fileSystem((root / "models" / "m").string(), {.shardSizeBytes = 64})->save(a);  // 160 B in 3 shards
  LocalServer server(root.path());
  std::vector<double> progress;
  auto b = io::http(server.url("models/m/model.json?v=7"), {.onProgress = [&](double f) { progress.push_back(f); }})->load();
  EXPECT_EQ(b.modelTopology, a.modelTopology);
  EXPECT_EQ(*b.weightData, *a.weightData);
  EXPECT_EQ(server.targets(), (std::vector<std::string>{"/models/m/model.json?v=7", "/models/m/group1-shard1of3.bin?v=7",
                                                        "/models/m/group1-shard2of3.bin?v=7",
                                                        "/models/m/group1-shard3of3.bin?v=7"}));
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));

  // The router picks http for http:// URLs; loadWeights reads shards from a URL prefix.
  auto c = io::getLoadHandlers(server.url("models/m/model.json"))[0]->load();
  EXPECT_EQ(*c.weightData, *a.weightData);
  auto manifest = io::parseModelJSON(readText(root / "models" / "m" / "model.json")).weightsManifest;
  auto w = io::loadWeights(*manifest, server.url("models/m"));
  EXPECT_EQ(w[0].tensor.shape(), (Shape{8, 5}));
  EXPECT_EQ(w[0].tensor.dataSync<float>()[39], 16.5f);
}

TEST(IoHttp, WeightPathPrefixAndHeaders) {
  TempDir root;
  io::fileSystem((root / "m").string())->save(smallModel());
  fs::create_directories(root / "alt");
  fs::rename(root / "m" / "group1-shard1of1.bin", root / "alt" / "group1-shard1of1.bin");
  LocalServer server(root.path());
  server.requireToken("secret");
  std::string e = errorOf([&] { io::http(server.url("m/model.json"))->load(); });
  EXPECT_NE(e.find("failed with status code 401"), std::string::npos) << e;
  io::LoadOptions options{.requestHeaders = {{"X-Token", "secret"}}, .weightPathPrefix = server.url("alt")};
  auto a = io::http(server.url("m/model.json"), options)->load();
  EXPECT_EQ(a.weightData->size(), 160u);
  EXPECT_EQ(server.targets().back(), "/alt/group1-shard1of1.bin");
}

TEST(IoHttp, Errors) {
  TempDir root;
  io::fileSystem((root / "m").string())->save(smallModel());
  LocalServer server(root.path());
  std::string e = errorOf([&] { io::http(server.url("nothing/model.json"))->load(); });
  EXPECT_NE(e.find("request for model JSON '" + server.url("nothing/model.json") + "' failed with status code 404"),
            std::string::npos) << e;
  EXPECT_NE(e.find("Please verify this URL points to the model JSON"), std::string::npos) << e;

  fs::rename(root / "m" / "group1-shard1of1.bin", root / "m" / "moved.bin");
  e = errorOf([&] { io::http(server.url("m/model.json"))->load(); });
  EXPECT_NE(e.find("weight file '" + server.url("m/group1-shard1of1.bin") + "' failed with status code 404"),
            std::string::npos) << e;
  writeFile(root / "m" / "group1-shard1of1.bin", readText(root / "m" / "moved.bin").substr(0, 100));
  e = errorOf([&] { io::http(server.url("m/model.json"))->load(); });
  EXPECT_NE(e.find("'group1-shard1of1.bin' is truncated: expected 160 bytes, got 100"), std::string::npos) << e;

  writeFile(root / "bad" / "model.json", "{\"modelTopology\": nope}");
  e = errorOf([&] { io::http(server.url("bad/model.json"))->load(); });
  EXPECT_NE(e.find("malformed JSON in " + server.url("bad/model.json") + " at byte"), std::string::npos) << e;

  // Weight paths may not leave the model's folder or name another host.
  for (const std::string path : {"../m/moved.bin", "http://example.com/w.bin", "//example.com/w.bin"}) {
    io::Json j = {{"modelTopology", io::Json::object()},
                  {"weightsManifest", {{{"paths", {path}}, {"weights", {{{"name", "x"}, {"shape", {40}}, {"dtype", "float32"}}}}}}}};
    writeFile(root / "evil" / "model.json", j.dump());
    e = errorOf([&] { io::http(server.url("evil/model.json"))->load(); });
    EXPECT_NE(e.find("is refused"), std::string::npos) << path << ": " << e;
  }
  e = errorOf([&] { io::http("ftp://127.0.0.1/model.json"); });
  EXPECT_NE(e.find("is not an http:// or https:// URL"), std::string::npos) << e;
  // Nothing listens on port 9 of 127.0.0.1: a connection error, not a hang.
  e = errorOf([&] { io::http("http://127.0.0.1:9/model.json", {.timeoutSeconds = 5})->load(); });
  EXPECT_NE(e.find("failed: "), std::string::npos) << e;
}

TEST(IoHttp, SavePostsMultipartLikeTfjs) {
  TempDir root;
  LocalServer server(root.path());
  auto a = smallModel();
  auto result = io::http(server.url("upload"))->save(a);
  EXPECT_EQ(result.modelArtifactsInfo.weightDataBytes, 160);
  auto uploads = server.uploads();
  ASSERT_EQ(uploads.size(), 2u);
  auto j = io::Json::parse(uploads["model.json"]);
  EXPECT_EQ(j["weightsManifest"][0]["paths"][0], "./model.weights.bin");
  EXPECT_EQ(j["format"], "layers-model");
  EXPECT_EQ(std::vector<uint8_t>(uploads["model.weights.bin"].begin(), uploads["model.weights.bin"].end()), *a.weightData);
  // What TF.js's http save writes loads back (the ./ path included).
  writeFile(root / "saved" / "model.json", uploads["model.json"]);
  writeFile(root / "saved" / "model.weights.bin", uploads["model.weights.bin"]);
  EXPECT_EQ(*io::http(server.url("saved/model.json"))->load().weightData, *a.weightData);
  std::string e = errorOf([&] { io::http(server.url("not-there"))->save(a); });
  EXPECT_NE(e.find("failed due to HTTP response status 404"), std::string::npos) << e;
}

#else

TEST(IoHttp, UnavailableIsAClearError) {
#ifndef __EMSCRIPTEN__
  GTEST_SKIP() << "edgeflow was built without cpp-httplib (EDGEFLOW_HAVE_HTTPLIB); install libcpp-httplib-dev";
#endif
  EXPECT_FALSE(io::httpSupported());
  std::string e = errorOf([] { io::http("http://127.0.0.1:1/model.json")->load(); });
  EXPECT_NE(e.find("HTTP is not available in the WebAssembly build"), std::string::npos) << e;
}

#endif
