// loadLayersModel / saveModel: real TF.js files predict what TF.js predicts (values printed by
// tfjs 4.22 loading the same files in node), and bad topologies or weights fail with errors that
// name the file, the layer and the weight.
#include <gmock/gmock.h>

#include <cmath>

#include "edgeflow/layers/config_json.h"
#include "unit/io_test_util.h"

using namespace edgeflow;
using io_test::errorOf;
using io_test::TempDir;
using io_test::testModels;
using ::testing::HasSubstr;

namespace {

void expectValues(const Tensor& t, const std::vector<double>& want, double rtol = 1e-5) {
  auto got = t.dataSync<double>();
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], rtol * (1 + std::fabs(want[i]))) << i;
}

// tf.sequential([dense(2, inputShape [3], name 'dense_a'), dense(1, relu, name 'dense_b')]) in TF.js's format.
io::Json twoDenseTopology() {
  auto dense = [](const char* name, int units, const char* act, bool first) {
    io::Json c = {{"units", units}, {"activation", act}, {"use_bias", true}, {"name", name}, {"trainable", true},
                  {"dtype", "float32"}};
    if (first) c["batch_input_shape"] = io::Json::parse("[null,3]");
    return io::Json{{"class_name", "Dense"}, {"config", c}};
  };
  return {{"class_name", "Sequential"},
          {"config", {{"name", "seq"}, {"layers", {dense("dense_a", 2, "linear", true), dense("dense_b", 1, "relu", false)}}}},
          {"keras_version", "tfjs-layers 4.22.0"},
          {"backend", "tensor_flow.js"}};
}

io::ModelArtifacts twoDenseArtifacts(Shape kernelA = {3, 2}, bool withLastBias = true) {
  std::vector<io::NamedTensor> w = {{"dense_a/kernel", ones(kernelA)},
                                    {"dense_a/bias", zeros({2})},
                                    {"dense_b/kernel", ones({2, 1})}};
  if (withLastBias) w.push_back({"dense_b/bias", zeros({1})});
  auto enc = io::encodeWeights(w);
  io::ModelArtifacts a;
  a.modelTopology = twoDenseTopology();
  a.weightSpecs = enc.specs;
  a.weightData = enc.data;
  return a;
}

// A functional model a -> b where `inbound` is what layer b takes input from.
io::ModelArtifacts functional(const char* inboundOfB, const char* inboundOfInput = nullptr) {
  io::Json input = {{"class_name", "InputLayer"},
                    {"config", {{"batch_input_shape", io::Json::parse("[null,3]")}, {"dtype", "float32"}, {"name", "in"}}},
                    {"name", "in"},
                    {"inbound_nodes", io::Json::array()}};
  if (inboundOfInput) input["inbound_nodes"] = io::Json::parse(std::string(R"([[[")") + inboundOfInput + R"(",0,0,{}]]])");
  auto dense = [](const char* name, const char* from) {
    return io::Json{{"class_name", "Dense"},
                    {"config", {{"units", 2}, {"name", name}}},
                    {"name", name},
                    {"inbound_nodes", io::Json::parse(std::string(R"([[[")") + from + R"(",0,0,{}]]])")}};
  };
  io::ModelArtifacts a;
  a.modelTopology = {{"class_name", "Model"},
                     {"config",
                      {{"name", "m"},
                       {"layers", {input, dense("a", "in"), dense("b", inboundOfB)}},
                       {"input_layers", io::Json::parse(R"([["in",0,0]])")},
                       {"output_layers", io::Json::parse(R"([["b",0,0]])")}}}};
  return a;
}

}  // namespace

TEST(IoLayersModel, ConverterModelPredictsLikeTfjs) {
  auto model = loadLayersModel((testModels() / "tiny_linear_layers" / "model.json").string());
  expectValues(model.predict(tensor2d({{10}, {-2.5}, {0}})), {18.97918701171875, -5.98310661315918, -0.9906477928161621});
}

TEST(IoLayersModel, TfjsSavedModelPredictsLikeTfjs) {
  auto model = loadLayersModel("file://" + (testModels() / "tfjs_examples_abalone").string());
  EXPECT_EQ(model.layers().size(), 3u);
  auto x = tensor2d({{0.455, 0.365, 0.095, 0.514, 0.2245, 0.101, 0.15, 0}, {0.35, 0.265, 0.09, 0.2255, 0.0995, 0.0485, 0.07, 1}});
  expectValues(model.predict(x), {9.177013397216797, 9.634322166442871});
}

TEST(IoLayersModel, SaveAndLoadRoundTrip) {
  auto model = loadLayersModel((testModels() / "tfjs_examples_abalone").string());
  auto x = randomUniform({4, 8}, 0, 1, DType::float32, 7);
  auto want = model.predict(x).dataSync<double>();
  for (const char* quantize : {"", "float16"}) {
    SCOPED_TRACE(quantize);
    TempDir dir;
    io::SaveOptions options{.shardSizeBytes = 1000};
    if (*quantize) options.quantize = io::QuantizeOptions{.dtype = quantize};
    auto result = io::saveModel(model, dir.str(), options, {.userDefinedMetadata = {{"k", 1}}});
    EXPECT_GT(result.files.size(), 2u);  // several shards + model.json
    auto artifacts = io::fileSystem(dir.str())->load();
    EXPECT_EQ(artifacts.format, "layers-model");
    EXPECT_EQ(artifacts.userDefinedMetadata["k"], 1);
    EXPECT_EQ(artifacts.modelTopology["class_name"], "Sequential");
    auto back = loadLayersModel(dir.str());
    expectValues(back.predict(x), want, *quantize ? 2e-3 : 1e-6);
  }
}

TEST(IoLayersModel, UnknownLayerClassNamesItAndTheSupportedOnes) {
  auto a = twoDenseArtifacts();
  a.modelTopology["config"]["layers"][1]["class_name"] = "NoSuchLayer";
  std::string e = errorOf([&] { io::layersModelFromArtifacts(a, true, "m.json"); });
  EXPECT_THAT(e, HasSubstr("unknown layer class NoSuchLayer"));
  EXPECT_THAT(e, HasSubstr("(layer 'dense_b"));
  EXPECT_THAT(e, HasSubstr("supported: "));
  EXPECT_THAT(e, HasSubstr("Dense"));
  EXPECT_THAT(e, HasSubstr("m.json"));
}

TEST(IoLayersModel, WeightShapeAndCountMismatch) {
  std::string e = errorOf([] { io::layersModelFromArtifacts(twoDenseArtifacts({3, 3}), true, "m.json"); });
  EXPECT_THAT(e, HasSubstr("m.json"));
  EXPECT_THAT(e, HasSubstr("shape mismatch for weight 'dense_a/kernel' of layer 'dense_a'"));
  EXPECT_THAT(e, HasSubstr("[3,3]"));
  EXPECT_THAT(e, HasSubstr("[3,2]"));
  e = errorOf([] { io::layersModelFromArtifacts(twoDenseArtifacts({3, 2}, false), true, "m.json"); });
  EXPECT_THAT(e, HasSubstr("weight count mismatch"));
  EXPECT_THAT(e, HasSubstr("dense_b/bias (layer 'dense_b')"));
  // An extra weight in the file is refused when strict, ignored otherwise.
  auto a = twoDenseArtifacts();
  auto extra = io::encodeWeights({{"dense_c/kernel", ones({1})}});
  a.weightSpecs->push_back(extra.specs[0]);
  a.weightData->insert(a.weightData->end(), extra.data.begin(), extra.data.end());
  e = errorOf([&] { io::layersModelFromArtifacts(a, true, "m.json"); });
  EXPECT_THAT(e, HasSubstr("weight 'dense_c/kernel' (layer 'dense_c') has no matching weight"));
  auto model = io::layersModelFromArtifacts(a, false);
  expectValues(model.predict(tensor2d({{1, 2, 3}})), {12});
}

TEST(IoLayersModel, TopologyWithACycleOrAMissingInboundNode) {
  EXPECT_NO_THROW(io::layersModelFromArtifacts(functional("a")));
  std::string e = errorOf([] { io::layersModelFromArtifacts(functional("nowhere"), true, "m.json"); });
  EXPECT_THAT(e, HasSubstr("m.json: missing inbound node: layer 'b' of model 'm' takes input from 'nowhere'"));
  e = errorOf([] { io::layersModelFromArtifacts(functional("a", "b")); });
  EXPECT_THAT(e, HasSubstr("has a cycle"));
  EXPECT_THAT(e, HasSubstr("'b'"));
  auto a = functional("a");
  a.modelTopology["config"]["output_layers"] = io::Json::parse(R"([["c",0,0]])");
  EXPECT_THAT(errorOf([&] { io::layersModelFromArtifacts(a); }), HasSubstr("output_layers of model 'm' names 'c'"));
  a.modelTopology["config"]["output_layers"] = io::Json::parse(R"([["b",3,0]])");
  EXPECT_THAT(errorOf([&] { io::layersModelFromArtifacts(a); }), HasSubstr("names node 3 of layer 'b'"));
}

TEST(IoLayersModel, WeightsOnlyAndGraphModelsAreRefused) {
  io::ModelArtifacts a = twoDenseArtifacts();
  a.modelTopology = nullptr;
  EXPECT_THAT(errorOf([&] { io::layersModelFromArtifacts(a); }), HasSubstr("has no model topology"));
  a = twoDenseArtifacts();
  a.format = "graph-model";
  EXPECT_THAT(errorOf([&] { io::layersModelFromArtifacts(a); }), HasSubstr("is a graph model"));
}

// Every layers-format model in the shared data loads.
TEST(IoLayersModel, EverySharedLayersModelLoads) {
  IO_REQUIRE_SHARED_DATA();
  const auto root = io_test::sharedData();
  const std::vector<std::pair<std::string, std::string>> models = {
      {"tiny_linear_layers", ""},
      {"tfjs_examples_abalone/trainedModel", ""},
      {"keras_tiny_mnist/tfjs_layers", ""},
      {"mobilenet_v1_0.25_224_layers", ""},
      {"teachable_machine_image", ""}};
  for (const auto& [dir, missing] : models) {
    SCOPED_TRACE(dir);
    const std::string path = (root / dir).string();  // clang 14 cannot capture structured bindings
    std::string e = errorOf([&] { loadLayersModel(path); });
    if (missing.empty()) EXPECT_EQ(e, "(no error)");
    else EXPECT_THAT(e, HasSubstr("unknown layer class " + missing + " "));
  }
}

TEST(IoLayersModel, OptimizerWeightsAreSavedInTheirGroup) {
  auto model = loadLayersModel((testModels() / "tiny_linear_layers").string());
  EXPECT_THAT(errorOf([&] { io::modelArtifacts(model, {.includeOptimizer = true}); }), HasSubstr("has no optimizer"));
  model.compile({.optimizer = "adam", .loss = "meanSquaredError"});
  model.trainOnBatch(tensor2d({{1}, {2}}), tensor2d({{1}, {3}}));
  auto a = io::modelArtifacts(model, {.includeOptimizer = true});
  size_t optimizerSpecs = 0;
  for (const auto& s : *a.weightSpecs) optimizerSpecs += s.group == std::optional<std::string>("optimizer");
  EXPECT_GT(optimizerSpecs, 0u);
  EXPECT_EQ(a.weightSpecs->size(), 2 + optimizerSpecs);
  auto back = loadLayersModel(io::fromMemory(a));  // the optimizer group does not count as model weights
  expectValues(back.predict(tensor2d({{4}})), model.predict(tensor2d({{4}})).dataSync<double>());
}

TEST(IoLayersModel, TrainingResumesWhereItStoppedAfterASaveWithTheOptimizer) {
  // Two identical models trained two steps; one is saved (with its optimizer) and loaded back
  // between the steps: the loaded model is compiled from trainingConfig, its Adam moments and
  // iteration count restored, so the second step gives the same weights as the uninterrupted one.
  auto make = [] {
    auto m = loadLayersModel((testModels() / "tiny_linear_layers").string());
    m.compile({.optimizer = train::adam(0.05), .loss = "meanSquaredError", .metrics = {"mse"}});
    return m;
  };
  Tensor x = tensor2d({{1}, {2}, {3}}), y = tensor2d({{1}, {3}, {5}});
  auto straight = make(), saved = make();
  straight.trainOnBatch(x, y);
  saved.trainOnBatch(x, y);
  auto a = io::modelArtifacts(saved, {.includeOptimizer = true});
  EXPECT_EQ(a.trainingConfig.dump(),
            R"({"loss":"mean_squared_error","metrics":["mse"],"optimizer_config":{"class_name":"Adam","config":)"
            R"({"learningRate":0.05,"beta1":0.9,"beta2":0.999,"epsilon":1e-07}}})");
  auto resumed = loadLayersModel(io::fromMemory(a));
  ASSERT_TRUE(resumed.optimizer() != nullptr);
  EXPECT_EQ(resumed.optimizer()->getClassName(), "Adam");
  EXPECT_EQ(resumed.metricsNames(), (std::vector<std::string>{"loss", "mse"}));
  straight.trainOnBatch(x, y);
  resumed.trainOnBatch(x, y);
  expectValues(resumed.predict(tensor2d({{4}})), straight.predict(tensor2d({{4}})).dataSync<double>());
  // Without the optimizer nothing is compiled, as in TF.js.
  EXPECT_TRUE(io::modelArtifacts(saved).trainingConfig.is_null());
  EXPECT_TRUE(loadLayersModel(io::fromMemory(io::modelArtifacts(saved))).optimizer() == nullptr);
}

TEST(IoLayersModel, TrainingConfigErrorsNameTheField) {
  auto model = loadLayersModel((testModels() / "tiny_linear_layers").string());
  EXPECT_THAT(errorOf([&] { model.getTrainingConfig(); }), HasSubstr("has not been compiled"));
  model.compile({.optimizer = "sgd", .loss = [](const Tensor& a, const Tensor& b) { return mean(square(sub(a, b))); }});
  EXPECT_THAT(errorOf([&] { model.getTrainingConfig(); }), HasSubstr("Serialization of non-string loss is not supported."));
  EXPECT_THAT(errorOf([&] { model.loadTrainingConfig(fromJson(io::Json::parse(R"({"loss":"mse"})"))); }),
              HasSubstr("has no optimizer_config"));
  EXPECT_THAT(errorOf([&] {
                model.loadTrainingConfig(fromJson(io::Json::parse(
                    R"({"loss":"mse","optimizer_config":{"class_name":"Nadam","config":{}}})")));
              }),
              HasSubstr("Unknown optimizer class 'Nadam'"));
  EXPECT_THAT(errorOf([&] {
                model.loadTrainingConfig(fromJson(io::Json::parse(
                    R"({"loss":"mse","loss_weights":[1],"optimizer_config":{"class_name":"SGD","config":{"learningRate":0.1}}})")));
              }),
              HasSubstr("Loading loss_weights is not supported yet."));
}
