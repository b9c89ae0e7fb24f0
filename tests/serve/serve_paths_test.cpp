// Unit tests of edgeflow serve's pure helpers: URL decoding, confinement of request paths to the
// served directory (.., %2e%2e, symlinks), MIME types, listings and model.json checks.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "serve_listing.h"
#include "serve_mime.h"
#include "serve_paths.h"
#include "serve_upload.h"

namespace fs = std::filesystem;
using namespace edgeflow::cli::serve;

// A temporary tree: root/{a.txt, sub/b.txt, in-link -> a.txt, out-link -> ../outside/secret.txt,
// out-dir -> ../outside}, outside/secret.txt.
class ServeTree : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("edgeflow-serve-paths-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "root" / "sub");
    fs::create_directories(base_ / "outside");
    std::ofstream(base_ / "root" / "a.txt") << "a";
    std::ofstream(base_ / "root" / "sub" / "b.txt") << "b";
    std::ofstream(base_ / "outside" / "secret.txt") << "secret";
    fs::create_symlink(base_ / "root" / "a.txt", base_ / "root" / "in-link");
    fs::create_symlink("../outside/secret.txt", base_ / "root" / "out-link");
    fs::create_symlink(base_ / "outside", base_ / "root" / "out-dir");
    root_ = fs::canonical(base_ / "root");
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_, root_;
};

TEST(ServePaths, PercentDecode) {
  EXPECT_EQ(percentDecode("/a%20b%2Fc+d").value(), "/a b/c+d");
  EXPECT_EQ(percentDecode("%2e%2E").value(), "..");
  EXPECT_FALSE(percentDecode("%"));
  EXPECT_FALSE(percentDecode("%4"));
  EXPECT_FALSE(percentDecode("%zz"));
  EXPECT_FALSE(percentDecode("a%00b"));  // NUL would cut the file name short
}

TEST(ServePaths, EncodeAndEscape) {
  EXPECT_EQ(percentEncodePath("we ird&name.txt"), "we%20ird%26name.txt");
  EXPECT_EQ(percentEncodePath("a:b/c~d"), "a%3Ab/c~d");
  EXPECT_EQ(htmlEscape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  EXPECT_EQ(targetPath("/a/b?x=1#f"), "/a/b");
  EXPECT_EQ(targetPath("/a"), "/a");
}

TEST(ServePaths, IsInside) {
  EXPECT_TRUE(isInside("/srv/site", "/srv/site"));
  EXPECT_TRUE(isInside("/srv/site", "/srv/site/a/b"));
  EXPECT_TRUE(isInside("/srv/site/", "/srv/site/a"));
  EXPECT_FALSE(isInside("/srv/site", "/srv/site2/a"));  // a prefix of the string is not enough
  EXPECT_FALSE(isInside("/srv/site", "/srv"));
}

TEST_F(ServeTree, ResolvesFilesAndDirectories) {
  ResolvedPath a = resolveInside(root_, "/a.txt");
  ASSERT_EQ(a.status, PathStatus::Ok);
  EXPECT_EQ(a.file, root_ / "a.txt");
  EXPECT_FALSE(a.isDirectory);
  ResolvedPath top = resolveInside(root_, "/");
  ASSERT_EQ(top.status, PathStatus::Ok);
  EXPECT_TRUE(top.isDirectory);
  EXPECT_EQ(resolveInside(root_, "/sub/./b.txt").status, PathStatus::Ok);
  EXPECT_EQ(resolveInside(root_, "//sub//b.txt").status, PathStatus::Ok);
  EXPECT_EQ(resolveInside(root_, "/s%75b/b.txt").status, PathStatus::Ok);
  EXPECT_EQ(resolveInside(root_, "/in-link").status, PathStatus::Ok);  // symlink inside root
}

TEST_F(ServeTree, RefusesEscapes) {
  for (const char* p : {"/..", "/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/sub/%2E%2E/a.txt",
                        "/..%2Foutside", "/sub/../a.txt", "/out-link", "/out-dir/secret.txt", "/out-dir"})
    EXPECT_EQ(resolveInside(root_, p).status, PathStatus::Forbidden) << p;
}

TEST_F(ServeTree, MissingAndMalformed) {
  EXPECT_EQ(resolveInside(root_, "/nope.txt").status, PathStatus::NotFound);
  EXPECT_EQ(resolveInside(root_, "/a.txt/x").status, PathStatus::NotFound);
  EXPECT_EQ(resolveInside(root_, "/a.txt/").status, PathStatus::NotFound);
  EXPECT_EQ(resolveInside(root_, "/%zz").status, PathStatus::BadRequest);
  EXPECT_EQ(resolveInside(root_, "/a.txt%00.png").status, PathStatus::BadRequest);
  EXPECT_EQ(resolveInside(root_, "a.txt").status, PathStatus::BadRequest);
  EXPECT_EQ(resolveInside(root_, "").status, PathStatus::BadRequest);
}

TEST_F(ServeTree, ListingLinksEntriesButNotEscapingSymlinks) {
  std::string html = directoryListingHtml("/", root_, root_);
  EXPECT_NE(html.find("href=\"sub/\""), std::string::npos);
  EXPECT_NE(html.find("href=\"a.txt\""), std::string::npos);
  EXPECT_NE(html.find("href=\"in-link\""), std::string::npos);
  EXPECT_EQ(html.find("out-link"), std::string::npos);
  EXPECT_EQ(html.find("out-dir"), std::string::npos);
  EXPECT_EQ(html.find("../"), std::string::npos);  // no parent link at the top
  EXPECT_NE(directoryListingHtml("/sub/", root_ / "sub", root_).find("href=\"../\""), std::string::npos);
}

TEST(ServeMime, Types) {
  EXPECT_EQ(mimeTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("app.MJS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("edgeflow.wasm"), "application/wasm");
  EXPECT_EQ(mimeTypeFor("model.json"), "application/json");
  EXPECT_EQ(mimeTypeFor("group1-shard1of1.bin"), "application/octet-stream");
  EXPECT_EQ(mimeTypeFor("a.png"), "image/png");
  EXPECT_EQ(mimeTypeFor("a.jpg"), "image/jpeg");
  EXPECT_EQ(mimeTypeFor("iris.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(mimeTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(mimeTypeFor("no-extension"), "application/octet-stream");
}

TEST(ServeUpload, ModelNames) {
  EXPECT_TRUE(isValidModelName("iris-1_b"));
  EXPECT_TRUE(isValidModelName(std::string(64, 'a')));
  EXPECT_FALSE(isValidModelName(std::string(65, 'a')));
  for (const char* bad : {"", "a.b", "a/b", "..", "a b", "a%2F", "é"}) EXPECT_FALSE(isValidModelName(bad)) << bad;
}

TEST(ServeUpload, CheckModelJson) {
  const std::string topology = R"("modelTopology": {"class_name": "Sequential"})";
  ModelJsonInfo info = checkModelJson("{" + topology +
                                      R"(, "weightsManifest": [{"paths": ["./model.weights.bin"], "weights": [
      {"name": "k", "shape": [3, 4], "dtype": "float32"}, {"name": "b", "shape": [4], "dtype": "int32"},
      {"name": "q", "shape": [5], "dtype": "float32", "quantization": {"dtype": "uint8", "min": 0, "scale": 1}},
      {"name": "f", "shape": [], "dtype": "bool"}]}]})");
  EXPECT_EQ(info.weightCount, 4u);
  ASSERT_TRUE(info.weightBytes.has_value());
  EXPECT_EQ(*info.weightBytes, 12u * 4 + 4 * 4 + 5 + 1);
  EXPECT_EQ(checkModelJson("{" + topology + "}").weightCount, 0u);
  EXPECT_FALSE(checkModelJson("{" + topology + R"(, "weightsManifest": [{"paths": ["model.weights.bin"],
      "weights": [{"name": "s", "shape": [2], "dtype": "string"}]}]})").weightBytes.has_value());

  auto rejects = [](const std::string& text, const std::string& fragment) {
    try {
      checkModelJson(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const UploadError& e) {
      EXPECT_EQ(e.status, 400);
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  };
  rejects("{", "not valid JSON");
  rejects("[]", "JSON object");
  rejects(R"({"weightsManifest": []})", "modelTopology");
  rejects(R"({"modelTopology": "x"})", "modelTopology");
  rejects("{" + topology + R"(, "weightsManifest": {}})", "weightsManifest must be an array");
  rejects("{" + topology + R"(, "weightsManifest": [{"paths": ["../etc"], "weights": []}]})", "paths");
  rejects("{" + topology + R"(, "weightsManifest": [{"paths": [], "weights": [{"name": "w", "shape": [-1], "dtype": "float32"}]}]})",
          "non-negative");
  rejects("{" + topology + R"(, "weightsManifest": [{"paths": [], "weights": [{"name": "w", "shape": [1], "dtype": "float64"}]}]})",
          "dtype");
  rejects("{" + topology +
              R"(, "weightsManifest": [{"paths": [], "weights": [{"name": "w", "shape": [4294967296, 4294967296], "dtype": "float32"}]}]})",
          "too large");
}

TEST(ServeUpload, StoresAtomicallyAndRefusesOverwrite) {
  fs::path dir = fs::temp_directory_path() / ("edgeflow-serve-store-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  ModelStore store(dir / "models");
  const std::string json = R"({"modelTopology": {}, "weightsManifest": [{"paths": ["./model.weights.bin"],
      "weights": [{"name": "w", "shape": [2], "dtype": "float32"}]}]})";
  auto upload = [&](const std::string& weights, bool overwrite, bool* replaced) {
    ModelStore::Upload up(store, "m", 1 << 20);
    up.beginPart(kModelJsonPart);
    EXPECT_TRUE(up.write(json.data(), json.size()));
    up.beginPart("ignored-extra-part");
    up.write("zzz", 3);
    up.beginPart(kWeightsPart);
    up.write(weights.data(), weights.size());
    return up.commit(overwrite, replaced);
  };
  bool replaced = true;
  std::string description = upload("12345678", false, &replaced);
  EXPECT_FALSE(replaced);
  EXPECT_NE(description.find("\"url\":\"/models/m/model.json\""), std::string::npos) << description;
  EXPECT_EQ(fs::file_size(dir / "models" / "m" / "model.weights.bin"), 8u);
  try {
    upload("abcdefgh", false, &replaced);
    ADD_FAILURE() << "overwrote an existing model";
  } catch (const UploadError& e) {
    EXPECT_EQ(e.status, 409);
  }
  upload("abcdefgh", true, &replaced);
  EXPECT_TRUE(replaced);
  std::ifstream in(dir / "models" / "m" / "model.weights.bin");
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "abcdefgh");
  // Nothing but the model is left in the store: no temporary or replaced copies.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "models")) ++entries;
  EXPECT_EQ(entries, 1u);
  fs::remove_all(dir);
}

TEST(ServeUpload, CapAndMissingParts) {
  fs::path dir = fs::temp_directory_path() / ("edgeflow-serve-cap-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  ModelStore store(dir);
  {
    ModelStore::Upload up(store, "big", 10);
    up.beginPart(kWeightsPart);
    EXPECT_TRUE(up.write("0123456789abc", 13));  // over the cap, but the body is still drained
    EXPECT_TRUE(up.failed());
    EXPECT_FALSE(up.write(std::string(5 << 20, 'x').data(), 5 << 20));  // far over: drop the connection
    try {
      up.commit(false, nullptr);
      ADD_FAILURE();
    } catch (const UploadError& e) {
      EXPECT_EQ(e.status, 413);
    }
  }
  {
    ModelStore::Upload up(store, "noweights", 1 << 20);
    const std::string json = R"({"modelTopology": {}, "weightsManifest": [{"paths": ["./model.weights.bin"],
        "weights": [{"name": "w", "shape": [2], "dtype": "float32"}]}]})";
    up.beginPart(kModelJsonPart);
    up.write(json.data(), json.size());
    EXPECT_THROW(up.commit(false, nullptr), UploadError);
  }
  {
    ModelStore::Upload up(store, "nojson", 1 << 20);
    EXPECT_THROW(up.commit(false, nullptr), UploadError);
  }
  EXPECT_FALSE(fs::exists(dir / "big"));
  EXPECT_FALSE(fs::exists(dir / "noweights"));
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 0u) << "temporary directories are removed";
  fs::remove_all(dir);
}
