// io::fileSystem: saving like TF.js / the converter (model.json + groupK-shardKofN.bin, 4 MiB
// shards, atomic, refusing to mix models), loading back, every load error, and model management.
#include <cmath>

#include "io_test_util.h"

using namespace edgeflow;
using namespace io_test;

namespace {

io::ModelArtifacts makeArtifacts(std::vector<float> values) {
  io::ModelArtifacts a;
  a.modelTopology = io::Json::parse(
      R"({"class_name":"Sequential","config":{"name":"s","layers":[]},"keras_version":"tfjs-layers 4.22.0","backend":"tensor_flow.js"})");
  a.format = "layers-model";
  a.generatedBy = "TensorFlow.js tfjs-layers v4.22.0";
  a.trainingConfig = io::Json::parse(R"({"loss":"meanSquaredError","optimizer_config":{"class_name":"SGD","config":{}}})");
  a.userDefinedMetadata = io::Json::parse(R"({"note":"ünïcode ok"})");
  std::vector<uint8_t> data(values.size() * 4);
  std::memcpy(data.data(), values.data(), data.size());
  size_t half = values.size() / 2;
  a.weightSpecs = std::vector<io::WeightsManifestEntry>{
      {.name = "dense/kernel", .shape = {static_cast<int64_t>(half)}, .dtype = "float32"},
      {.name = "dense/bias", .shape = {static_cast<int64_t>(values.size() - half)}, .dtype = "float32"}};
  a.weightData = std::move(data);
  return a;
}

std::vector<float> ramp(size_t n) {
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<float>(std::sin(static_cast<double>(i)) * 2);
  return v;
}

std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

int64_t weightFileBytes(const fs::path& dir) {
  int64_t total = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".bin") total += static_cast<int64_t>(e.file_size());
  return total;
}

}  // namespace

TEST(IoFileSystem, SavesLikeTfjsAndLoadsBack) {
  TempDir tmp;
  auto a = makeArtifacts(ramp(60));  // 240 bytes in shards of 100
  auto result = io::fileSystem(tmp.str() + "/m", {.shardSizeBytes = 100})->save(a);
  EXPECT_EQ(filesIn(tmp / "m"), (std::vector<std::string>{"group1-shard1of3.bin", "group1-shard2of3.bin",
                                                          "group1-shard3of3.bin", "model.json"}));
  EXPECT_EQ(result.files.back(), (tmp / "m" / "model.json").string());
  EXPECT_EQ(result.modelArtifactsInfo.weightDataBytes, 240);
  EXPECT_EQ(result.modelArtifactsInfo.modelTopologyType, "JSON");
  EXPECT_EQ(fs::file_size(tmp / "m" / "group1-shard2of3.bin"), 100u);
  EXPECT_EQ(fs::file_size(tmp / "m" / "group1-shard3of3.bin"), 40u);

  io::Json j = io::Json::parse(readText(tmp / "m" / "model.json"));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"modelTopology", "format", "generatedBy", "convertedBy", "weightsManifest",
                                            "userDefinedMetadata", "trainingConfig"}));
  EXPECT_EQ(j["format"], "layers-model");
  EXPECT_TRUE(j["convertedBy"].is_null());
  EXPECT_EQ(j["weightsManifest"][0]["paths"][2], "group1-shard3of3.bin");
  EXPECT_EQ(j["weightsManifest"][0]["weights"][1]["name"], "dense/bias");
  EXPECT_EQ(j["userDefinedMetadata"]["note"], "ünïcode ok");

  auto b = io::fileSystem("file://" + tmp.str() + "/m")->load();
  EXPECT_EQ(b.modelTopology, a.modelTopology);
  EXPECT_EQ(b.trainingConfig, a.trainingConfig);
  EXPECT_EQ(b.userDefinedMetadata, a.userDefinedMetadata);
  EXPECT_EQ(b.format, a.format);
  EXPECT_EQ(b.generatedBy, a.generatedBy);
  EXPECT_EQ(*b.weightData, *a.weightData);
  ASSERT_EQ(b.weightSpecs->size(), 2u);
  EXPECT_EQ((*b.weightSpecs)[1].shape, Shape{30});
}

TEST(IoFileSystem, DefaultShardsAreFourMiB) {
  TempDir tmp;
  auto a = makeArtifacts(ramp(1310720));  // 5 MiB
  io::fileSystem(tmp.str())->save(a);
  EXPECT_EQ(fs::file_size(tmp / "group1-shard1of2.bin"), 4194304u);
  EXPECT_EQ(fs::file_size(tmp / "group1-shard2of2.bin"), 1048576u);
  EXPECT_EQ(*io::fileSystem(tmp.str())->load().weightData, *a.weightData);
}

TEST(IoFileSystem, SaveToAJsonPathAndWeightlessModels) {
  TempDir tmp;
  auto a = makeArtifacts(ramp(4));
  io::fileSystem((tmp / "custom.json").string())->save(a);
  EXPECT_EQ(filesIn(tmp.path()), (std::vector<std::string>{"custom.json", "group1-shard1of1.bin"}));
  io::ModelArtifacts topologyOnly;
  topologyOnly.modelTopology = a.modelTopology;
  io::fileSystem((tmp / "t").string())->save(topologyOnly);
  auto back = io::fileSystem((tmp / "t").string())->load();
  EXPECT_EQ(back.modelTopology, a.modelTopology);
  EXPECT_TRUE(back.weightSpecs->empty());
}

TEST(IoFileSystem, SharedModelsRoundTrip) {
  IO_REQUIRE_SHARED_DATA();
  for (const char* m : {"mobilenet_v1_0.25_224_layers", "teachable_machine_image", "keras_tiny_mnist/tfjs_graph",
                        "tfjs_examples_abalone/trainedModel"}) {
    SCOPED_TRACE(m);
    TempDir tmp;
    auto a = io::fileSystem((sharedData() / m).string())->load();
    io::fileSystem(tmp.str())->save(a);
    auto b = io::fileSystem(tmp.str())->load();
    EXPECT_EQ(b.modelTopology, a.modelTopology);
    EXPECT_EQ(*b.weightData, *a.weightData);
    ASSERT_EQ(b.weightSpecs->size(), a.weightSpecs->size());
    for (size_t i = 0; i < a.weightSpecs->size(); ++i) EXPECT_EQ(io::toJson((*b.weightSpecs)[i]), io::toJson((*a.weightSpecs)[i]));
  }
}

TEST(IoFileSystem, QuantizedSavesAreSmallAndClose) {
  // keras_tiny_mnist (20 float32 tensors, 1,113,640 bytes) from tests/data.
  auto a = io::fileSystem((testModels() / "keras_tiny_mnist_layers").string())->load();
  const auto f32 = static_cast<double>(a.weightData->size());
  auto original = io::decodeWeights(*a.weightData, *a.weightSpecs);
  for (const char* dtype : {"uint8", "uint16", "float16"}) {
    SCOPED_TRACE(dtype);
    TempDir tmp;
    io::fileSystem(tmp.str(), {.quantize = io::QuantizeOptions{.dtype = dtype}})->save(a);
    const double ratio = static_cast<double>(weightFileBytes(tmp.path())) / f32;
    if (std::string(dtype) == "uint8") EXPECT_LE(ratio, 0.27);
    else EXPECT_LE(ratio, 0.52);
    auto b = io::fileSystem(tmp.str())->load();
    auto decoded = io::decodeWeights(*b.weightData, *b.weightSpecs);
    ASSERT_EQ(decoded.size(), original.size());
    for (size_t k = 0; k < decoded.size(); ++k) {
      const auto& q = *(*b.weightSpecs)[k].quantization;
      EXPECT_EQ(q.dtype, dtype);
      auto want = original[k].tensor.dataSync<float>();
      auto got = decoded[k].tensor.dataSync<float>();
      for (size_t i = 0; i < want.size(); ++i) {
        // uint: half a quantization step; float16: half an ulp of a 10-bit mantissa.
        double tol = q.scale ? *q.scale / 2 * (1 + 1e-9) + 1e-6 * std::fabs(want[i])
                             : std::ldexp(std::fabs(want[i]), -11) + std::ldexp(1.0, -25);
        ASSERT_LE(std::fabs(got[i] - want[i]), tol) << decoded[k].name << "[" << i << "]";
      }
    }
  }
}

TEST(IoFileSystem, MissingTruncatedAndOversizedShards) {
  TempDir tmp;
  io::fileSystem(tmp.str(), {.shardSizeBytes = 64})->save(makeArtifacts(ramp(40)));  // 160 B: 64+64+32
  const std::string model = (tmp / "model.json").string();

  fs::rename(tmp / "group1-shard2of3.bin", tmp / "moved");
  std::string e = errorOf([&] { io::fileSystem(model)->load(); });
  EXPECT_NE(e.find("weight file '" + (tmp / "group1-shard2of3.bin").string() + "' is missing"), std::string::npos) << e;

  std::string whole = readText(tmp / "moved");
  writeFile(tmp / "group1-shard2of3.bin", whole.substr(0, 50));
  e = errorOf([&] { io::fileSystem(model)->load(); });
  EXPECT_NE(e.find("weight file 'group1-shard2of3.bin' is truncated: expected 64 bytes, got 50"), std::string::npos) << e;
  EXPECT_NE(e.find("weights need 160 bytes"), std::string::npos) << e;

  writeFile(tmp / "group1-shard2of3.bin", whole);
  std::string last = readText(tmp / "group1-shard3of3.bin");
  writeFile(tmp / "group1-shard3of3.bin", last.substr(0, 31));
  e = errorOf([&] { io::fileSystem(model)->load(); });
  EXPECT_NE(e.find("'group1-shard3of3.bin' is truncated: expected 32 bytes, got 31"), std::string::npos) << e;

  writeFile(tmp / "group1-shard3of3.bin", last + "xx");
  e = errorOf([&] { io::fileSystem(model)->load(); });
  EXPECT_NE(e.find("the manifest's sizes don't add up: weightsManifest[0]'s weights need 160 bytes"), std::string::npos) << e;
  EXPECT_NE(e.find("hold 162"), std::string::npos) << e;

  writeFile(tmp / "group1-shard3of3.bin", last);
  EXPECT_EQ(io::fileSystem(model)->load().weightData->size(), 160u);
}

TEST(IoFileSystem, ModelJsonErrors) {
  TempDir tmp;
  auto load = [&](const std::string& json) {
    writeFile(tmp / "model.json", json);
    writeFile(tmp / "w.bin", std::string(8, '\0'));
    return errorOf([&] { io::fileSystem(tmp.str())->load(); });
  };
  std::string e = load(R"({"modelTopology": {"a": 1,}, "weightsManifest": []})");
  // The stray "}" is the 27th character (positions count from 1).
  EXPECT_NE(e.find("malformed JSON in " + (tmp / "model.json").string() + " at byte 27"), std::string::npos) << e;
  e = load("");
  EXPECT_NE(e.find("malformed JSON"), std::string::npos) << e;
  e = load(R"({"format": "layers-model"})");
  EXPECT_NE(e.find("contains neither model topology or manifest for weights"), std::string::npos) << e;
  e = load(R"({"modelTopology": {}, "weightsManifest": [{"paths": ["w.bin"], "weights": [{"name": "x", "shape": [2], "dtype": "float64"}]}]})");
  EXPECT_NE(e.find("'x' has unknown dtype 'float64'"), std::string::npos) << e;
  e = load(R"({"modelTopology": {}, "weightsManifest": [{"paths": ["w.bin"], "weights": [{"name": "x", "shape": [-2], "dtype": "float32"}]}]})");
  EXPECT_NE(e.find("negative dimension"), std::string::npos) << e;
  e = load(R"({"modelTopology": {}, "weightsManifest": [{"paths": "w.bin", "weights": []}]})");
  EXPECT_NE(e.find("\"paths\" must be an array"), std::string::npos) << e;
  e = load(R"({"modelTopology": {}, "weightsManifest": [{"paths": ["w.bin"], "weights": [{"name": "x", "shape": [3], "dtype": "float32"}]}]})");
  EXPECT_NE(e.find("weights need 12 bytes"), std::string::npos) << e;
  EXPECT_NE(e.find("'w.bin' is truncated: expected 12 bytes, got 8"), std::string::npos) << e;
  e = load(R"({"modelTopology": {}, "weightsManifest": [{"paths": ["w.bin"], "weights": [{"name": "x", "shape": [4], "dtype": "bool", "quantization": {"dtype": "uint8", "min": 0, "scale": 1}}]}]})");
  EXPECT_NE(e.find("supports float32 and int32 weights, not bool"), std::string::npos) << e;
  e = load(R"({"modelTopology": {"a": 1e999}, "weightsManifest": []})");
  EXPECT_NE(e.find("malformed JSON in " + (tmp / "model.json").string() + ": number overflow"), std::string::npos) << e;
  std::string deep(600, '[');
  e = load(deep);
  EXPECT_NE(e.find("nested deeper than"), std::string::npos) << e;
  e = errorOf([&] { io::fileSystem((tmp / "absent").string())->load(); });
  EXPECT_NE(e.find("is missing"), std::string::npos) << e;
}

TEST(IoFileSystem, WeightPathsMustStayInsideTheModelFolder) {
  TempDir tmp;
  writeFile(tmp / "outside.bin", std::string(4, '\0'));
  writeFile(tmp / "m" / "inside.bin", std::string(4, '\0'));
  auto load = [&](const std::string& path) {
    io::Json j = {{"modelTopology", io::Json::object()},
                  {"weightsManifest", {{{"paths", {path}}, {"weights", {{{"name", "x"}, {"shape", {1}}, {"dtype", "float32"}}}}}}}};
    writeFile(tmp / "m" / "model.json", j.dump());
    return errorOf([&] { io::fileSystem((tmp / "m").string())->load(); });
  };
  for (const std::string bad : {"../outside.bin", "/etc/passwd", "http://evil.example/w.bin", "file:///etc/passwd",
                                "sub/../../outside.bin", "%2e%2E/outside.bin", "C:/w.bin", "sub\\..\\..\\x.bin", "",
                                "sub/../s.:bin"}) {
    std::string e = load(bad);
    EXPECT_NE(e.find("is refused"), std::string::npos) << bad << ": " << e;
  }
  EXPECT_NE(load("../outside.bin").find("leaves the model's folder"), std::string::npos);
  EXPECT_NE(load("http://evil.example/w.bin").find("is a URL"), std::string::npos);
  // Paths that stay inside are fine, "./" and "a/../" included.
  for (const std::string good : {"inside.bin", "./inside.bin", "sub/../inside.bin", ".//inside.bin"})
    EXPECT_EQ(load(good), "(no error)") << good;
}

TEST(IoFileSystem, RefusesToMixModelsUnlessAsked) {
  TempDir tmp;
  const std::string dir = (tmp / "m").string();
  io::fileSystem(dir, {.shardSizeBytes = 40})->save(makeArtifacts(ramp(30)));  // 3 shards
  // Saving again over the same model.json replaces it and drops its old shards.
  io::fileSystem(dir)->save(makeArtifacts(ramp(8)));
  EXPECT_EQ(filesIn(dir), (std::vector<std::string>{"group1-shard1of1.bin", "model.json"}));

  // Shards no model.json in the folder owns: refused, unless overwrite.
  TempDir other;
  writeFile(other / "group1-shard1of2.bin", "stale");
  std::string e = errorOf([&] { io::fileSystem(other.str())->save(makeArtifacts(ramp(8))); });
  EXPECT_NE(e.find("holds weight files of another model ('group1-shard1of2.bin')"), std::string::npos) << e;
  io::fileSystem(other.str(), {.overwrite = true})->save(makeArtifacts(ramp(8)));
  EXPECT_EQ(io::fileSystem(other.str())->load().weightData->size(), 32u);

  // Another model JSON in the folder owns group1-shard1of1.bin: saving a second model.json there
  // would overwrite it.
  TempDir shared;
  io::fileSystem((shared / "first.json").string())->save(makeArtifacts(ramp(8)));
  e = errorOf([&] { io::fileSystem(shared.str())->save(makeArtifacts(ramp(6))); });
  EXPECT_NE(e.find("would overwrite weight file 'group1-shard1of1.bin' of the model in 'first.json'"), std::string::npos) << e;
  EXPECT_EQ(io::fileSystem((shared / "first.json").string())->load().weightData->size(), 32u);

  // A model.json that is not a model JSON is not overwritten.
  TempDir notModel;
  writeFile(notModel / "model.json", R"({"hello": "world"})");
  e = errorOf([&] { io::fileSystem(notModel.str())->save(makeArtifacts(ramp(8))); });
  EXPECT_NE(e.find("exists and is not a model JSON"), std::string::npos) << e;
  EXPECT_EQ(readText(notModel / "model.json"), R"({"hello": "world"})");
}

TEST(IoFileSystem, FailedSaveLeavesTheOldModel) {
  TempDir tmp;
  io::fileSystem(tmp.str())->save(makeArtifacts(ramp(8)));
  const std::string before = readText(tmp / "model.json");
  // A directory where the first shard should go makes the rename fail after the temp files are
  // written: nothing may change and no temp file may stay.
  fs::create_directories(tmp / "group1-shard1of2.bin" / "x");
  std::string e = errorOf([&] { io::fileSystem(tmp.str(), {.shardSizeBytes = 16, .overwrite = true})->save(makeArtifacts(ramp(8))); });
  EXPECT_NE(e.find("cannot move"), std::string::npos) << e;
  EXPECT_EQ(readText(tmp / "model.json"), before);
  EXPECT_EQ(filesIn(tmp.path()), (std::vector<std::string>{"group1-shard1of1.bin", "group1-shard1of2.bin", "model.json"}));
  EXPECT_EQ(io::fileSystem(tmp.str())->load().weightData->size(), 32u);
}

TEST(IoFileSystem, ModelManagement) {
  TempDir store;
  io::fileSystem((store / "a").string())->save(makeArtifacts(ramp(8)));
  io::fileSystem((store / "b").string(), {.shardSizeBytes = 8})->save(makeArtifacts(ramp(4)));
  fs::create_directories(store / "not-a-model");
  auto models = io::listModels(store.str());
  ASSERT_EQ(models.size(), 2u);
  const std::string a = "file://" + (store / "a").string(), b = "file://" + (store / "b").string();
  ASSERT_TRUE(models.count(a) && models.count(b));
  EXPECT_EQ(models[a].weightDataBytes, 32);
  EXPECT_EQ(models[b].weightDataBytes, 16);
  EXPECT_GT(models[a].modelTopologyBytes, 50);
  EXPECT_EQ(models[a].dateSaved.size(), 24u);  // 2025-01-01T00:00:00.000Z

  auto info = io::copyModel(a, "file://" + (store / "c").string());
  EXPECT_EQ(info.weightDataBytes, 32);
  EXPECT_EQ(*io::fileSystem((store / "c").string())->load().weightData, *io::fileSystem((store / "a").string())->load().weightData);
  io::moveModel(b, (store / "d").string());
  EXPECT_FALSE(fs::exists(store / "b"));
  EXPECT_EQ(io::fileSystem((store / "d").string())->load().weightData->size(), 16u);
  EXPECT_EQ(io::listModels("file://" + store.str()).size(), 3u);

  io::removeModel(a);
  EXPECT_FALSE(fs::exists(store / "a"));
  std::string e = errorOf([&] { io::removeModel(a); });
  EXPECT_NE(e.find("cannot remove model"), std::string::npos) << e;
  e = errorOf([&] { io::copyModel((store / "c").string(), "file://" + (store / "c").string()); });
  EXPECT_NE(e.find("old path and new path are the same"), std::string::npos) << e;
  e = errorOf([&] { io::copyModel("indexeddb://x", (store / "z").string()); });
  EXPECT_NE(e.find("no load handler"), std::string::npos) << e;
  // removeModel deletes only that model's files.
  writeFile(store / "c" / "notes.txt", "keep");
  io::removeModel((store / "c").string());
  EXPECT_EQ(filesIn(store / "c"), std::vector<std::string>{"notes.txt"});
}

TEST(IoFileSystem, MemoryHandlersAndRouter) {
  auto a = makeArtifacts(ramp(4));
  auto mem = io::fromMemory(a);
  EXPECT_TRUE(mem->canLoad());
  EXPECT_FALSE(mem->canSave());
  EXPECT_EQ(*mem->load().weightData, *a.weightData);
  std::string e = errorOf([&] { mem->save(a); });
  EXPECT_NE(e.find("cannot save"), std::string::npos) << e;
  int saved = 0;
  auto saver = io::withSaveHandler([&](const io::ModelArtifacts& m) {
    saved += static_cast<int>(m.weightData->size());
    return io::SaveResult{io::getModelArtifactsInfoForJSON(m), {}};
  });
  EXPECT_EQ(saver->save(a).modelArtifactsInfo.weightDataBytes, 16);
  EXPECT_EQ(saved, 16);
  EXPECT_EQ(io::getLoadHandlers("file:///tmp/x").size(), 1u);
  EXPECT_EQ(io::getLoadHandlers("relative/dir").size(), 1u);
  EXPECT_EQ(io::getLoadHandlers("http://127.0.0.1/model.json").size(), 1u);
  EXPECT_TRUE(io::getLoadHandlers("localstorage://m").empty());
  EXPECT_TRUE(io::getSaveHandlers("indexeddb://m").empty());
}
